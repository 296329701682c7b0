using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Tests.Synthetic;

namespace CartLedger.Cmr.Tests;

public sealed class ScarTests
{
    // One pixel of a 10-pixel wall is 10 % of transmurality (cmr-notes 2.4: one pixel is about 13 %).
    private const double TransmuralityTolerance = 0.12;

    // Pixelisation of the wedge's edges, in percentage points of burden.
    private const double BurdenTolerancePercent = 1.0;

    [Fact]
    public void A_scar_wedge_of_known_angle_and_depth_gives_its_transmurality_on_every_chord()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5);

        var result = ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default);

        var contours = wedge.Slice().Contours;
        var chords = result.Slices[0].ChordTransmurality;
        for (var k = 0; k < chords.Count; k++)
        {
            var angle = contours.Endocardium.AngleOf(k) * 180 / Math.PI;
            var interior = wedge.InWedge(angle - 4) && wedge.InWedge(angle + 4);
            var exterior = !wedge.InWedge(angle - 4) && !wedge.InWedge(angle + 4);
            if (interior)
            {
                Assert.InRange(chords[k], 0.5 - TransmuralityTolerance, 0.5 + TransmuralityTolerance);
            }
            else if (exterior)
            {
                Assert.Equal(0, chords[k]);
            }
        }
        Assert.InRange(result.BurdenPercent, wedge.TrueBurdenPercent - BurdenTolerancePercent, wedge.TrueBurdenPercent + BurdenTolerancePercent);
    }

    [Fact]
    public void The_threshold_is_half_the_brightest_myocardial_pixel()
    {
        var wedge = new ScarWedge();

        var result = ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default);

        Assert.Equal(ScarWedge.Scar, result.Threshold.MaximumSignal);
        Assert.Equal(ScarWedge.Scar / 2, result.Threshold.Threshold);
    }

    [Fact]
    public void With_an_intensity_offset_only_the_myocardial_floor_recovers_the_scar()
    {
        var offset = new ScarWedge(Offset: 300);

        var fromZero = ScarAnalysis.Run([offset.Slice()], FwhmParameters.Default);
        var fromFloor = ScarAnalysis.Run([offset.Slice()], new FwhmParameters(Floor: SignalFloor.MyocardialMinimum));

        Assert.True(fromZero.BurdenPercent > 90, "with zero as floor the whole offset myocardium passes half the maximum");
        Assert.InRange(fromFloor.BurdenPercent, offset.TrueBurdenPercent - BurdenTolerancePercent, offset.TrueBurdenPercent + BurdenTolerancePercent);
    }

    [Fact]
    public void Erased_pixels_leave_the_scar_and_a_new_fraction_replaces_the_old()
    {
        var wedge = new ScarWedge();
        var automatic = ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default);
        var scarPixels = Enumerable.Range(0, automatic.Slices[0].Scar.Bits.Length).Where(i => automatic.Slices[0].Scar.Bits[i] != 0).ToList();

        var edited = ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default, [new ScarPixelsErased(0, scarPixels.Take(scarPixels.Count / 2).ToList())]);
        var stricter = ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default, [new ScarThresholdChanged(0.9), new ScarThresholdChanged(0.3)]);

        Assert.Equal(scarPixels.Count - scarPixels.Count / 2, edited.Slices[0].Scar.Count());
        Assert.Equal(0.3, stricter.Parameters.ThresholdFraction);
    }

    [Fact]
    public void An_edit_outside_the_image_is_refused_naming_the_pixel()
    {
        var wedge = new ScarWedge();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ScarAnalysis.Run([wedge.Slice()], FwhmParameters.Default, [new ScarPixelsErased(0, [wedge.Size * wedge.Size])]));

        Assert.Contains("outside LGE slice 0", error.Message);
    }

    [Fact]
    public void A_dark_core_enclosed_by_scar_counts_as_scar()
    {
        var wedge = new ScarWedge(DepthFraction: 1.0);
        var image = wedge.Image();
        var coreY = (int)Math.Round(wedge.Centre.Y + 27 * Math.Sin(Math.PI / 3));
        var coreX = (int)Math.Round(wedge.Centre.X + 27 * Math.Cos(Math.PI / 3));
        image[coreX, coreY] = ScarWedge.Normal;
        var slice = wedge.Slice() with { Image = image };

        var filled = ScarAnalysis.Run([slice], FwhmParameters.Default);
        var unfilled = ScarAnalysis.Run([slice], new FwhmParameters(FillEnclosedHoles: false));

        Assert.True(filled.Slices[0].Scar[coreX, coreY]);
        Assert.False(unfilled.Slices[0].Scar[coreX, coreY]);
    }
}
