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

    [Fact]
    public void A_noisy_ring_beside_a_bright_RV_gives_its_radii_back()
    {
        var heart = new SyntheticHeart { Radii = (_, _, _) => (22, 31), WithRv = true, NoiseSd = 15 };

        var (endo, epi) = SegmentRing(heart, heart.Render(0, 0, new Random(5)));

        Assert.InRange(endo.Average(), 22 - MeanRadiusToleranceMm, 22 + MeanRadiusToleranceMm);
        Assert.InRange(epi.Average(), 31 - MeanRadiusToleranceMm, 31 + MeanRadiusToleranceMm);
        Assert.All(epi, r => Assert.InRange(r, 31 - RayRadiusToleranceMm, 31 + RayRadiusToleranceMm));
    }

    [Fact]
    public void The_epicardium_stops_where_the_wall_meets_a_dark_band_not_at_the_black_lung_beyond_it()
    {
        // Lateral wall against lung: a band of partial-volume lung (well under half the wall's signal) lies between
        // the myocardium and the black lung; the strongest edge is the band's outer edge, the epicardium its inner one.
        var heart = new SyntheticHeart { Radii = (_, _, _) => (22, 30), WithRv = false, Myocardium = 90, OuterBandMm = 5, OuterBand = 30, Background = 0 };

        var (endo, epi) = SegmentRing(heart, heart.Render(0, 0, new Random(7)));

        // The endocardial level is set from the ray's trough, here the lung band: the endocardium lies on the wall side
        // of the blood-wall transition, as experts draw it (grey trabeculae in the cavity), up to 2 mm out.
        Assert.InRange(endo.Average(), 22 - MeanRadiusToleranceMm, 22 + 2 * MeanRadiusToleranceMm);
        Assert.InRange(epi.Average(), 30 - MeanRadiusToleranceMm, 30 + MeanRadiusToleranceMm);
    }

    [Fact]
    public void A_contracting_thin_wall_inside_bright_fat_is_followed_through_every_phase()
    {
        // A thin wall (4-6 mm) between blood and a bright fat layer: a contour that slips outwards by one wall
        // thickness finds blood-to-dark crossings at the fat's outer edge, so errors must not be carried forward.
        const int phases = 10;
        var heart = new SyntheticHeart
        {
            Radii = (_, phase, _) => (26 - 0.8 * phase, 30 - 0.4 * phase),
            WithRv = false,
            OuterBandMm = 3,
            OuterBand = 260,
            Background = 20,
        };
        var grid = new PixelGrid(heart.PixelMm, heart.PixelMm);
        var random = new Random(11);
        var centre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        var current = SliceSegmenter.SegmentFromSeed(heart.Render(0, 0, random), centre, grid, SegmentationParameters.Default);
        for (var phase = 0; phase < phases; phase++)
        {
            if (phase > 0)
            {
                current = SliceSegmenter.Propagate(heart.Render(0, phase, random), current!, grid, SegmentationParameters.Default);
            }
            Assert.NotNull(current);
            var (endo, epi) = heart.Radii(0, phase, 0);
            Assert.InRange(Radii(heart, current.Contours.Endocardium).Average(), endo - MeanRadiusToleranceMm, endo + MeanRadiusToleranceMm);
            Assert.InRange(Radii(heart, current.Contours.Epicardium).Average(), epi - MeanRadiusToleranceMm, epi + MeanRadiusToleranceMm);
        }
    }

    private static (double[] Endo, double[] Epi) SegmentRing(SyntheticHeart heart, Image2D image)
    {
        var seed = new Vec2((heart.Size - 1) / 2.0 + 2, (heart.Size - 1) / 2.0 + 1);
        var result = SliceSegmenter.SegmentFromSeed(image, seed, new PixelGrid(heart.PixelMm, heart.PixelMm), SegmentationParameters.Default);
        Assert.NotNull(result);
        return (Radii(heart, result.Contours.Endocardium), Radii(heart, result.Contours.Epicardium));
    }

    private static double[] Radii(SyntheticHeart heart, PolarContour contour)
    {
        var truthCentre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        return Enumerable.Range(0, contour.AngleCount).Select(k => (contour.PointAt(k) - truthCentre).Length * heart.PixelMm).ToArray();
    }
}
