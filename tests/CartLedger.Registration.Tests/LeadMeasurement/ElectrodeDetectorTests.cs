using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.LeadMeasurement;

public class ElectrodeDetectorTests
{
    /// <summary>Sub-pixel peak interpolation on a noisy, sampled blob.</summary>
    private const double PositionTolerancePx = 0.35;

    private static readonly CArmGeometry View = SyntheticScene.View(40, 0, size: 512, pixelMm: 0.3);
    private static readonly Vec2[] Electrodes = [new(240.3, 250.7), new(262.8, 258.1), new(285.4, 264.9), new(308.1, 271.6)];

    /// <summary>
    /// Fluoroscopy as stored (dense is dark): a smooth body, a lead body running through the electrodes (a thin line of
    /// attenuation 0.4), four electrode rings (Gaussian blobs of attenuation 3, 1.4 mm wide at magnification 1.5) and noise.
    /// </summary>
    private static XrayFrame Frame()
    {
        var random = new Random(9);
        var image = new Image2D(View.Columns, View.Rows);
        var sigmaPx = 1.4 * 1.5 / 0.3 / 4;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = new Vec2(x, y);
                var attenuation = 1.0 + 0.5 * Math.Sin(x / 60.0) * Math.Cos(y / 80.0);
                var along = (p - Electrodes[0]).Dot(new Vec2(0.95, 0.31));
                var across = Math.Abs((p - Electrodes[0]).Dot(new Vec2(-0.31, 0.95)));
                attenuation += along > -80 && along < 120 && across < 2.5 ? 0.4 : 0;
                attenuation += Electrodes.Sum(e => 3 * Math.Exp(-(p - e).Dot(p - e) / (2 * sigmaPx * sigmaPx)));
                attenuation += 0.05 * (random.NextDouble() - 0.5);
                image[x, y] = (float)(-attenuation);
            }
        }
        return new XrayFrame(View, image);
    }

    [Fact]
    public void The_four_electrodes_are_found_at_their_centres_and_the_lead_body_is_not()
    {
        var candidates = ElectrodeDetector.Detect(Frame(), new Vec2(275, 262), radiusPx: 80, maxCandidates: 8);
        foreach (var electrode in Electrodes)
        {
            var nearest = candidates.MinBy(c => c.Pixel.DistanceTo(electrode))!;
            Assert.InRange(nearest.Pixel.DistanceTo(electrode), 0, PositionTolerancePx);
        }
        // The four strongest are the electrodes; anything else responds far less.
        var strongest = candidates.Take(4).ToArray();
        Assert.All(strongest, c => Assert.Contains(Electrodes, e => e.DistanceTo(c.Pixel) < 1));
        Assert.All(candidates.Skip(4), c => Assert.True(c.Response < 0.3 * strongest.Min(s => s.Response)));
    }

    [Fact]
    public void A_click_beside_an_electrode_snaps_to_its_centre()
    {
        var snapped = ElectrodeDetector.Snap(Frame(), Electrodes[2] + new Vec2(4, -5), searchRadiusPx: 10);
        Assert.InRange(snapped.DistanceTo(Electrodes[2]), 0, PositionTolerancePx);
    }
}
