using CartLedger.Cmr.Evaluation;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

/// <summary>
/// Scar 1.3.0: the FWHM cut is never below the level that makes a region hyperenhanced (remote + 0.5 x (blood - remote)).
/// Noise-free rings, so every level is known: remote 40, blood 150, hence that level is 95.
/// </summary>
public sealed class FwhmCutTests
{
    private const float ModestScar = 180;
    private const float SharedWithBlood = 92;
    private const double HalfWayToBlood = ScarWedge.Normal + 0.5 * (ScarWedge.Blood - ScarWedge.Normal);

    private static readonly FwhmParameters Decided = new(MinimumEnhancement: 0.5, MinHyperenhancedMm2: 20);

    [Fact]
    public void A_modest_scar_no_longer_pulls_the_cut_below_half_way_to_the_blood_pool()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5);
        var slice = wedge.Slice() with { Image = WithModestScarAndPartialVolume(wedge) };

        var plain = ScarAnalysis.Run([slice], Decided);
        var cut = ScarAnalysis.Run([slice], Decided with { CutAtMinimumEnhancement = true });

        // Floor zero: half of the maximum 180 is 90, below the half-way level 95 where partial volume with blood lies.
        Assert.Equal(ModestScar / 2, plain.Threshold.Threshold, 6);
        Assert.Equal(HalfWayToBlood, cut.Threshold.Threshold, 6);
        Assert.True(plain.Slices[0].Scar.Count() > cut.Slices[0].Scar.Count(), "at 90 the partial-volume patch (92) is marked");
        Assert.All(Patch(wedge), i => Assert.Equal(0, cut.Slices[0].Scar.Bits[i]));
        Assert.InRange(cut.BurdenPercent, wedge.TrueBurdenPercent - 1.5, wedge.TrueBurdenPercent + 1.5);
    }

    [Fact]
    public void A_cut_already_above_half_way_is_not_moved()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5);

        var plain = ScarAnalysis.Run([wedge.Slice()], Decided);
        var cut = ScarAnalysis.Run([wedge.Slice()], Decided with { CutAtMinimumEnhancement = true });

        Assert.Equal(ScarWedge.Scar / 2, cut.Threshold.Threshold, 6);
        Assert.Equal(plain.Slices[0].Scar.Bits, cut.Slices[0].Scar.Bits);
    }

    [Fact]
    public void A_scar_free_ring_stays_without_scar_with_the_rule()
    {
        var ring = new ScarWedge(WedgeWidthDeg: 0, NoiseSd: 22);

        var result = ScarAnalysis.Run([ring.Slice()], Decided with { CutAtMinimumEnhancement = true });

        Assert.False(result.Threshold.FindsScar);
        Assert.Equal(0, result.BurdenPercent);
    }

    [Fact]
    public void The_analysts_threshold_edit_keeps_the_rule()
    {
        var parameters = Decided with { CutAtMinimumEnhancement = true };

        Assert.True(parameters.WithThresholdFraction(0.3).CutAtMinimumEnhancement);
    }

    [Fact]
    public void Segment_confusion_counts_each_pair_of_calls()
    {
        bool[] truth = [true, true, false, false, false, true];
        bool[] found = [true, false, true, false, false, true];

        var confusion = SegmentConfusion.Of(truth, found);

        Assert.Equal(new SegmentConfusion(TruePositive: 2, FalsePositive: 1, FalseNegative: 1, TrueNegative: 2), confusion);
    }

    [Fact]
    public void The_scar_overlay_colours_found_true_and_shared_scar_pixels()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5);
        var result = ScarAnalysis.Run([wedge.Slice()], Decided);
        var slice = result.Slices[0];
        var truth = slice.Scar.Clone();
        // Pixels 1.5 pixels or more from both contours, so that no contour dot covers them.
        var inner = Enumerable.Range(0, truth.Bits.Length).Where(i => (new Vec2(i % wedge.Size, i / wedge.Size) - wedge.Centre).Length is > 23.5 and < 25.5).ToList();
        var found = inner.First(i => truth.Bits[i] != 0);
        var both = inner.Last(i => truth.Bits[i] != 0);
        var onlyTrue = inner.First(i => truth.Bits[i] == 0 && slice.Myocardium.Bits[i] != 0);
        truth.Bits[found] = 0;
        truth.Bits[onlyTrue] = 1;

        var picture = ScarOverlay.Of(slice, truth, halfSizePixels: 50, zoom: 2);

        // halfSizePixels 50 round centre 49.5 starts at image pixel 0 (rounding half to even): picture pixel (2x+1, 2y+1) is image pixel (x, y).
        (byte, byte, byte) At(int i)
        {
            var o = 3 * ((2 * (i / wedge.Size) + 1) * picture.Width + 2 * (i % wedge.Size) + 1);
            return (picture.Rgb[o], picture.Rgb[o + 1], picture.Rgb[o + 2]);
        }
        Assert.Equal(ScarOverlay.Found, At(found));
        Assert.Equal(ScarOverlay.Truth, At(onlyTrue));
        Assert.Equal(ScarOverlay.Both, At(both));
    }

    /// <summary>The wedge at 180 (1.27 of the way to blood) and a patch at 92 (0.47: partial volume, not a hyperenhanced region).</summary>
    private static Image2D WithModestScarAndPartialVolume(ScarWedge wedge)
    {
        var image = wedge.Image();
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            if (image.Pixels[i] == ScarWedge.Scar)
            {
                image.Pixels[i] = ModestScar;
            }
        }
        foreach (var i in Patch(wedge))
        {
            image.Pixels[i] = SharedWithBlood;
        }
        return image;
    }

    /// <summary>Inner half of the wall from 180 to 240 degrees (opposite the wedge, which spans 30-90).</summary>
    private static List<int> Patch(ScarWedge wedge)
    {
        var pixels = new List<int>();
        for (var y = 0; y < wedge.Size; y++)
        {
            for (var x = 0; x < wedge.Size; x++)
            {
                var d = new Vec2(x, y) - wedge.Centre;
                var r = d.Length * wedge.PixelMm;
                var angle = (Math.Atan2(d.Y, d.X) * 180 / Math.PI + 360) % 360;
                if (r >= wedge.EndoMm + 1 && r < wedge.EndoMm + 5 && angle is > 180 and < 240)
                {
                    pixels.Add(y * wedge.Size + x);
                }
            }
        }
        return pixels;
    }
}
