using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Tests.Synthetic;

namespace CartLedger.Cmr.Tests;

/// <summary>FWHM with the hyperenhancement decision: scar only where a region is enhanced towards the blood pool.</summary>
public sealed class HyperenhancementTests
{
    // Noise of nulled myocardium: a fifth of the blood-myocardium contrast (110), as on the phantom and clinical LGE.
    private const double NoiseSd = 22;

    // One pixel of a 10-pixel wall is 10 % of transmurality; noise moves the FWHM edge by about one more.
    private const double TransmuralityTolerance = 0.2;

    // Pixelisation and noise at the wedge's edges, percentage points of burden.
    private const double BurdenTolerancePercent = 1.5;

    private static readonly FwhmParameters Decided = new(MinimumEnhancement: 0.5, MinHyperenhancedMm2: 20);

    [Fact]
    public void A_scar_free_noisy_ring_has_no_scar_although_plain_fwhm_finds_some()
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var ring = new ScarWedge(WedgeWidthDeg: 0, NoiseSd: NoiseSd, NoiseSeed: seed);

            var plain = ScarAnalysis.Run([ring.Slice()], FwhmParameters.Default);
            var decided = ScarAnalysis.Run([ring.Slice()], Decided);

            Assert.True(plain.BurdenPercent > 1, $"seed {seed}: plain FWHM halves the brightest noise pixel and marks the noise above it");
            Assert.Equal(0, decided.BurdenPercent);
            Assert.False(decided.Threshold.FindsScar);
        }
    }

    [Fact]
    public void A_hot_pixel_in_a_scar_free_wall_is_not_a_hyperenhanced_region()
    {
        var ring = new ScarWedge(WedgeWidthDeg: 0, NoiseSd: NoiseSd);
        var image = ring.Image();
        image[(int)ring.Centre.X + 27, (int)ring.Centre.Y] = 3 * ScarWedge.Scar;

        var result = ScarAnalysis.Run([ring.Slice() with { Image = image }], Decided);

        Assert.Equal(0, result.BurdenPercent);
    }

    [Fact]
    public void A_noisy_scar_wedge_of_known_angle_and_depth_is_found_with_its_transmurality()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5, NoiseSd: NoiseSd);

        var result = ScarAnalysis.Run([wedge.Slice()], Decided);

        var chords = result.Slices[0].ChordTransmurality;
        var contours = wedge.Slice().Contours;
        var interior = Enumerable.Range(0, chords.Count).Where(k => InWedgeInterior(wedge, contours.Endocardium.AngleOf(k))).ToList();
        var exterior = Enumerable.Range(0, chords.Count).Where(k => OutsideWedge(wedge, contours.Endocardium.AngleOf(k))).ToList();
        Assert.InRange(interior.Average(k => chords[k]), 0.5 - TransmuralityTolerance, 0.5 + TransmuralityTolerance);
        Assert.All(exterior, k => Assert.Equal(0, chords[k]));
        Assert.InRange(result.BurdenPercent, wedge.TrueBurdenPercent - BurdenTolerancePercent, wedge.TrueBurdenPercent + BurdenTolerancePercent);
    }

    [Fact]
    public void Offset_and_gain_of_the_image_do_not_change_the_scar()
    {
        var parameters = new FwhmParameters(Floor: SignalFloor.MyocardialMinimum, MinimumEnhancement: 0.5, MinHyperenhancedMm2: 20);
        var original = new ScarWedge(NoiseSd: NoiseSd);
        var rescaled = original with { Gain = 0.37f, Offset = 120 };
        var clean = new ScarWedge(WedgeWidthDeg: 0, NoiseSd: NoiseSd);

        var a = ScarAnalysis.Run([original.Slice()], parameters);
        var b = ScarAnalysis.Run([rescaled.Slice()], parameters);
        var c = ScarAnalysis.Run([(clean with { Gain = 0.37f, Offset = 120 }).Slice()], parameters);

        Assert.True(a.BurdenPercent > 0);
        Assert.Equal(a.Slices[0].Scar.Bits, b.Slices[0].Scar.Bits);
        Assert.Equal(0, c.BurdenPercent);
    }

    [Fact]
    public void A_bright_band_on_the_epicardial_border_is_fat_while_scar_from_the_endocardium_stays()
    {
        var wedge = new ScarWedge(DepthFraction: 0.5, NoiseSd: NoiseSd);
        var image = wedge.Image();
        var fat = 0;
        for (var y = 0; y < wedge.Size; y++)
        {
            for (var x = 0; x < wedge.Size; x++)
            {
                var d = new CartLedger.Imaging.Geometry.Vec2(x, y) - wedge.Centre;
                var angle = Math.Atan2(d.Y, d.X) * 180 / Math.PI;
                if (d.Length is > 29 and < 32 && angle is > -150 and < -90)
                {
                    image[x, y] = ScarWedge.Scar;
                    fat++;
                }
            }
        }
        var slice = wedge.Slice() with { Image = image };

        var kept = ScarAnalysis.Run([slice], Decided);
        var cleaned = ScarAnalysis.Run([slice], Decided with { ExcludeEpicardialFat = true });

        Assert.True(kept.BurdenPercent > wedge.TrueBurdenPercent + 100.0 * fat / 2 / kept.Slices[0].Myocardium.Count(), "without the rule the band counts as scar");
        Assert.InRange(cleaned.BurdenPercent, wedge.TrueBurdenPercent - BurdenTolerancePercent, wedge.TrueBurdenPercent + BurdenTolerancePercent);
    }

    [Fact]
    public void The_analysts_fraction_and_erasures_apply_on_top_of_the_decision()
    {
        var wedge = new ScarWedge(NoiseSd: NoiseSd);
        var automatic = ScarAnalysis.Run([wedge.Slice()], Decided);
        var scarPixels = Enumerable.Range(0, automatic.Slices[0].Scar.Bits.Length).Where(i => automatic.Slices[0].Scar.Bits[i] != 0).ToList();

        var lower = ScarAnalysis.Run([wedge.Slice()], Decided, [new ScarThresholdChanged(0.3)]);
        var erased = ScarAnalysis.Run([wedge.Slice()], Decided, [new ScarPixelsErased(0, scarPixels)]);

        Assert.Equal(0.3, lower.Parameters.ThresholdFraction);
        Assert.Equal(Decided.MinimumEnhancement, lower.Parameters.MinimumEnhancement);
        Assert.True(lower.BurdenPercent >= automatic.BurdenPercent);
        Assert.Equal(0, erased.BurdenPercent);
    }

    private static bool InWedgeInterior(ScarWedge wedge, double angleRad) => wedge.InWedge(angleRad * 180 / Math.PI - 6) && wedge.InWedge(angleRad * 180 / Math.PI + 6);

    private static bool OutsideWedge(ScarWedge wedge, double angleRad) => !wedge.InWedge(angleRad * 180 / Math.PI - 6) && !wedge.InWedge(angleRad * 180 / Math.PI + 6);
}
