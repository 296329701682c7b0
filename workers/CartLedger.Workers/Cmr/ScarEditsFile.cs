using System.Text.Json;
using System.Text.Json.Nodes;
using CartLedger.Cmr.Scar;

namespace CartLedger.Workers.Cmr;

/// <summary>Row-major pixel indices on one LGE slice's grid (the slice's index in the LGE stack, base to apex as stored).</summary>
public sealed record ScarPixels(int LgeSlice, IReadOnlyList<int> Pixels);

/// <summary>
/// An analyst's complete edit of the automatic scar, the blob a <c>scar_edited</c> event names by its
/// <c>ScarMaskSha256</c> (format <see cref="Format"/>): the threshold fraction, then pixels erased from and added to
/// the scar, slice by slice. Each scar_edited replaces the previous scar, so the file holds every edit made since the
/// automatic scar, and replaying it on the automatic FWHM (<see cref="ToEdits"/>) gives the edited scar bit for bit.
/// <code>
/// {"format":"cartledger.scar-edits/1","threshold_fraction":0.6,"erase":[{"lge_slice":3,"pixels":[4101,4102]}],"add":[]}
/// </code>
/// </summary>
public sealed record ScarEditsFile(double ThresholdFraction, IReadOnlyList<ScarPixels> Erase, IReadOnlyList<ScarPixels> Add)
{
    public const string Format = "cartledger.scar-edits/1";

    public int ErasedPixelCount => Erase.Sum(e => e.Pixels.Count);
    public int AddedPixelCount => Add.Sum(a => a.Pixels.Count);

    /// <summary>The edits in the order the scar step replays them: threshold, erasures, additions.</summary>
    public IReadOnlyList<ScarEdit> ToEdits() =>
    [
        new ScarThresholdChanged(ThresholdFraction),
        .. Erase.Select(e => new ScarPixelsErased(e.LgeSlice, e.Pixels)),
        .. Add.Select(a => new ScarPixelsAdded(a.LgeSlice, a.Pixels)),
    ];

    /// <summary>Canonical UTF-8 JSON (fixed key order, no whitespace): the same edits give the same bytes and blob hash.</summary>
    public byte[] ToBytes()
    {
        static JsonArray Lists(IReadOnlyList<ScarPixels> lists) =>
            [.. lists.Select(l => new JsonObject { ["lge_slice"] = l.LgeSlice, ["pixels"] = new JsonArray([.. l.Pixels.Select(p => (JsonNode)p)]) })];
        var json = new JsonObject
        {
            ["format"] = Format,
            ["threshold_fraction"] = ThresholdFraction,
            ["erase"] = Lists(Erase),
            ["add"] = Lists(Add),
        };
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    /// <summary>Reads a scar edits file; a bad one is refused naming <paramref name="source"/>, the field and the reason.</summary>
    public static ScarEditsFile Parse(ReadOnlySpan<byte> utf8, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not JSON ({e.Message})");
        }
        if (root is not JsonObject obj)
        {
            throw new InvalidDataException($"{source}: expected a JSON object with \"format\": \"{Format}\"");
        }
        var format = Field(obj, "format", source, n => n.GetValue<string>());
        if (format != Format)
        {
            throw new InvalidDataException($"{source}: field 'format': \"{format}\" is not \"{Format}\"");
        }
        var threshold = Field(obj, "threshold_fraction", source, n => n.GetValue<double>());
        if (threshold is not (> 0 and <= 1))
        {
            throw new InvalidDataException($"{source}: field 'threshold_fraction': {threshold} is outside (0, 1] (FWHM: 0.5)");
        }
        return new ScarEditsFile(threshold, Lists(obj, "erase", source), Lists(obj, "add", source));
    }

    private static IReadOnlyList<ScarPixels> Lists(JsonObject obj, string name, string source)
    {
        if (obj[name] is null)
        {
            return [];
        }
        if (obj[name] is not JsonArray array)
        {
            throw new InvalidDataException($"{source}: field '{name}': expected a list of {{\"lge_slice\", \"pixels\"}}");
        }
        var lists = new List<ScarPixels>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{name}[{i}]";
            if (array[i] is not JsonObject item)
            {
                throw new InvalidDataException($"{source}: field '{at}': expected {{\"lge_slice\": N, \"pixels\": [...]}}");
            }
            var slice = Field(item, "lge_slice", $"{source}: {at}", n => n.GetValue<int>());
            var pixels = Field(item, "pixels", $"{source}: {at}", n => n.AsArray().Select(p => p?.GetValue<int>() ?? throw new FormatException("null pixel")).ToList());
            if (slice < 0 || pixels.Any(p => p < 0))
            {
                throw new InvalidDataException($"{source}: field '{at}': slice and pixel indices cannot be negative");
            }
            lists.Add(new ScarPixels(slice, pixels));
        }
        return lists;
    }

    private static T Field<T>(JsonObject obj, string name, string source, Func<JsonNode, T> read)
    {
        var node = obj[name] ?? throw new InvalidDataException($"{source}: field '{name}' is missing");
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{source}: field '{name}': {node.ToJsonString()} has the wrong type");
        }
    }
}
