using System.Text;
using CartLedger.Cmr.Scar;
using CartLedger.Workers.Cmr;

namespace CartLedger.Workers.Tests;

public class ScarEditsFileTests
{
    [Fact]
    public void A_scar_edits_file_round_trips_to_the_same_bytes_and_replays_threshold_then_erasures_then_additions()
    {
        var file = new ScarEditsFile(0.6, [new ScarPixels(3, [10, 11])], [new ScarPixels(1, [7])]);

        var bytes = file.ToBytes();
        var parsed = ScarEditsFile.Parse(bytes, "edits.json");

        Assert.Equal(bytes, parsed.ToBytes());
        Assert.Equal("""{"format":"cartledger.scar-edits/1","threshold_fraction":0.6,"erase":[{"lge_slice":3,"pixels":[10,11]}],"add":[{"lge_slice":1,"pixels":[7]}]}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal((2, 1), (parsed.ErasedPixelCount, parsed.AddedPixelCount));
        var edits = parsed.ToEdits();
        Assert.Equal(0.6, Assert.IsType<ScarThresholdChanged>(edits[0]).ThresholdFraction);
        Assert.Equal([10, 11], Assert.IsType<ScarPixelsErased>(edits[1]).PixelIndices);
        Assert.Equal(1, Assert.IsType<ScarPixelsAdded>(edits[2]).LgeSliceIndex);
    }

    [Theory]
    [InlineData("[1]", "expected a JSON object")]
    [InlineData("""{"format":"other/1","threshold_fraction":0.5}""", "field 'format'")]
    [InlineData("""{"format":"cartledger.scar-edits/1"}""", "field 'threshold_fraction' is missing")]
    [InlineData("""{"format":"cartledger.scar-edits/1","threshold_fraction":1.5}""", "field 'threshold_fraction': 1.5 is outside (0, 1]")]
    [InlineData("""{"format":"cartledger.scar-edits/1","threshold_fraction":0.5,"erase":[{"lge_slice":-1,"pixels":[]}]}""", "field 'erase[0]': slice and pixel indices cannot be negative")]
    [InlineData("""{"format":"cartledger.scar-edits/1","threshold_fraction":0.5,"add":[{"lge_slice":0,"pixels":["a"]}]}""", "add[0]: field 'pixels'")]
    public void A_bad_scar_edits_file_is_refused_naming_the_file_and_field(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => ScarEditsFile.Parse(Encoding.UTF8.GetBytes(json), "edits.json"));

        Assert.StartsWith("edits.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
