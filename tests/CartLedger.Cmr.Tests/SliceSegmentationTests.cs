using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class SliceSegmentationTests
{
    // The mean boundary may sit up to half a pixel plus the crossing level's offset (0.2 of the 1 mm smoothing
    // edge width x ~2.5) outside the true edge: the endocardium is placed at the wall side of the transition.
    private const double MeanRadiusToleranceMm = 1.0;

    // Any single ray: one more pixel of noise on top.
    private const double RayRadiusToleranceMm = 1.0 + 1.5;

    [Fact]
    public void A_ring_of_known_radii_is_found_within_a_millimetre_all_round()
    {
        var heart = new SyntheticHeart { Radii = (_, _, _) => (24, 33), WithRv = false };
        var image = heart.Render(0, 0, new Random(3));
        var centre = new Vec2((heart.Size - 1) / 2.0 + 3, (heart.Size - 1) / 2.0 - 2);

        var result = SliceSegmenter.SegmentFromSeed(image, centre, new PixelGrid(heart.PixelMm, heart.PixelMm), SegmentationParameters.Default);

        Assert.NotNull(result);
        var contours = result.Contours;
        var truthCentre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        double RadiusMm(Vec2 p) => (p - truthCentre).Length * heart.PixelMm;
        var endo = Enumerable.Range(0, contours.Endocardium.AngleCount).Select(k => RadiusMm(contours.Endocardium.PointAt(k))).ToArray();
        var epi = Enumerable.Range(0, contours.Epicardium.AngleCount).Select(k => RadiusMm(contours.Epicardium.PointAt(k))).ToArray();
        Assert.InRange(endo.Average(), 24 - MeanRadiusToleranceMm, 24 + MeanRadiusToleranceMm);
        Assert.InRange(epi.Average(), 33 - MeanRadiusToleranceMm, 33 + MeanRadiusToleranceMm);
        Assert.All(endo, r => Assert.InRange(r, 24 - RayRadiusToleranceMm, 24 + RayRadiusToleranceMm));
        Assert.All(epi, r => Assert.InRange(r, 33 - RayRadiusToleranceMm, 33 + RayRadiusToleranceMm));
    }

    [Fact]
    public void An_image_without_a_bright_cavity_at_the_seed_gives_no_segmentation()
    {
        var flat = new Image2D(96, 96, Enumerable.Repeat(100f, 96 * 96).ToArray());

        var result = SliceSegmenter.SegmentFromSeed(flat, new Vec2(48, 48), new PixelGrid(1.5, 1.5), SegmentationParameters.Default);

        Assert.Null(result);
    }
}
