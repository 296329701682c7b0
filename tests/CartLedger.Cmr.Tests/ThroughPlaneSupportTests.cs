using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Scar;

namespace CartLedger.Cmr.Tests;

/// <summary>Specks under 20 mm^2 stay only where an adjacent slice has scar within 15 degrees; 1 mm pixels, LV centre (49.5, 49.5).</summary>
public sealed class ThroughPlaneSupportTests
{
    private const int Size = 100;
    private const double Centre = 49.5;
    private const double MinIsolatedMm2 = 20;

    [Fact]
    public void An_unconfirmed_speck_goes_and_a_confirmed_one_stays()
    {
        var speck = Blob(angleDeg: 45, side: 3);

        var alone = Filter(Slice(speck, 0), Slice(Empty(), 1));
        var confirmed = Filter(Slice(speck, 0), Slice(Blob(angleDeg: 55, side: 3), 1));

        Assert.Equal(0, alone[0].Count());
        Assert.Equal(speck.Bits, confirmed[0].Bits);
    }

    [Fact]
    public void Scar_more_than_15_degrees_away_or_two_slices_away_does_not_confirm()
    {
        var speck = Blob(angleDeg: 45, side: 3);

        var farInAngle = Filter(Slice(speck, 0), Slice(Blob(angleDeg: 90, side: 3), 1));
        var farInLevel = Filter(Slice(speck, 0), Slice(Blob(angleDeg: 45, side: 3), 2));

        Assert.Equal(0, farInAngle[0].Count());
        Assert.Equal(0, farInLevel[0].Count());
    }

    [Fact]
    public void A_region_of_20_mm2_or_more_stays_without_confirmation()
    {
        var region = Blob(angleDeg: 200, side: 5);

        var result = Filter(Slice(region, 3), Slice(Empty(), 4));

        Assert.Equal(25, result[0].Count());
    }

    private static Mask2D[] Filter(params ThroughPlaneSupport.Slice[] slices) => ThroughPlaneSupport.Filter(slices, MinIsolatedMm2);

    private static ThroughPlaneSupport.Slice Slice(Mask2D scar, int position) => new(scar, Centre, Centre, position, 1.0);

    private static Mask2D Empty() => new(Size, Size);

    /// <summary>A side x side square of scar 25 pixels from the centre at the given angle.</summary>
    private static Mask2D Blob(double angleDeg, int side)
    {
        var mask = Empty();
        var cx = (int)Math.Round(Centre + 25 * Math.Cos(angleDeg * Math.PI / 180));
        var cy = (int)Math.Round(Centre + 25 * Math.Sin(angleDeg * Math.PI / 180));
        for (var y = cy; y < cy + side; y++)
        {
            for (var x = cx; x < cx + side; x++)
            {
                mask[x, y] = true;
            }
        }
        return mask;
    }
}
