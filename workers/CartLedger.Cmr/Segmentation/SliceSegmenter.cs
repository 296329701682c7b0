using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>One slice's segmentation at one phase, with the intensity model later phases reuse.</summary>
public sealed record SliceSegmentation(SliceContours Contours, IntensityModel Intensities);

/// <summary>
/// Segments one short-axis image: the blood pool around a seed gives the centre, the slice's blood and wall
/// intensities and a guide for the endocardium; polar dynamic programming finds the endocardium, then the
/// epicardium outside it. Later phases of the same slice keep the same centre (same rays, so points correspond
/// between phases) and use the previous phase's contours as a temporal prior.
/// </summary>
public static class SliceSegmenter
{
    private const double HullGuideWeight = 0.002;
    private const double StartInsideHullMm = 0;
    private const double StartInsidePreviousMm = 3;
    private const double MaxPoolAreaChange = 1.5;

    /// <summary>A first segmentation from a seed; null when no blood pool of LV size is at the seed.</summary>
    public static SliceSegmentation? SegmentFromSeed(Image2D image, Vec2 seed, PixelGrid grid, SegmentationParameters p)
    {
        var smoothed = Smooth(image, grid, p);
        var pool = BloodPool.Find(smoothed, seed, grid, p);
        if (pool is null)
        {
            return null;
        }
        var polar = Polar(smoothed, pool.Centre, grid, p);
        var hull = Polygons.ToPolar(ConvexHull.OfMask(pool.Mask), pool.Centre, p.AngleCount, grid);
        var core = Morphology.Erode(pool.Mask, grid, 2);
        var bloodValues = new List<float>();
        for (var i = 0; i < core.Bits.Length; i++)
        {
            if (core.Bits[i] != 0)
            {
                bloodValues.Add(smoothed.Pixels[i]);
            }
        }
        var blood = bloodValues.Count > 0 ? Thresholds.Median(bloodValues) : pool.Threshold;
        var intensities = IntensityModel.Estimate(polar, hull.RadiiMm, blood);
        var endo = EndocardiumSearch.Find(polar, hull.RadiiMm, HullGuideWeight, StartInsideHullMm, intensities, p);
        var epi = EpicardiumSearch.Find(polar, endo, intensities, null, 0, p);
        return new SliceSegmentation(Contours(pool.Centre, endo, epi, grid), intensities);
    }

    /// <summary>
    /// The same slice at another phase, propagated from <paramref name="previous"/> (same centre and rays). The blood
    /// pool is found again at this phase (at the slice's half-way level between wall and blood, from the same centre)
    /// and its convex hull guides the endocardium, as at end-diastole, so an error at one phase is not carried into
    /// the next; only where no pool consistent with the previous cavity is found does the previous contour guide it.
    /// </summary>
    public static SliceSegmentation Propagate(Image2D image, SliceSegmentation previous, PixelGrid grid, SegmentationParameters p)
    {
        var smoothed = Smooth(image, grid, p);
        var centre = previous.Contours.Endocardium.Centre;
        var polar = Polar(smoothed, centre, grid, p);
        var hull = PoolHull(smoothed, previous, grid, p);
        var endo = hull is null
            ? EndocardiumSearch.Find(polar, previous.Contours.Endocardium.RadiiMm, p.TemporalWeight, StartInsidePreviousMm, previous.Intensities, p)
            : EndocardiumSearch.Find(polar, hull, HullGuideWeight, StartInsideHullMm, previous.Intensities, p);
        var epi = EpicardiumSearch.Find(polar, endo, previous.Intensities, previous.Contours.Epicardium.RadiiMm, p.TemporalWeight, p);
        return new SliceSegmentation(Contours(centre, endo, epi, grid), previous.Intensities);
    }

    /// <summary>
    /// This phase's blood pool around the slice centre, as convex-hull radii on the slice's rays; null when no pool is
    /// found or its area differs from the previous cavity by more than <see cref="MaxPoolAreaChange"/> (a leak into the
    /// RV or atrium, or a pool broken up by papillary muscles).
    /// </summary>
    private static double[]? PoolHull(Image2D smoothed, SliceSegmentation previous, PixelGrid grid, SegmentationParameters p)
    {
        var intensities = previous.Intensities;
        var centre = previous.Contours.Endocardium.Centre;
        var pool = BloodPool.Find(smoothed, centre, grid, p, intensities.Myocardium + 0.5 * intensities.Contrast);
        if (pool is null)
        {
            return null;
        }
        var hull = Polygons.ToPolar(ConvexHull.OfMask(pool.Mask), centre, p.AngleCount, grid);
        var ratio = hull.AreaMm2() / previous.Contours.Endocardium.AreaMm2();
        var centred = hull.RadiiMm.Min() > 0;
        return !centred || ratio > MaxPoolAreaChange || ratio < 1 / MaxPoolAreaChange ? null : hull.RadiiMm.ToArray();
    }

    internal static Image2D Smooth(Image2D image, PixelGrid grid, SegmentationParameters p) =>
        Smoothing.Gaussian(image, p.SmoothingMm / Math.Sqrt(grid.PixelAreaMm2));

    private static PolarImage Polar(Image2D smoothed, Vec2 centre, PixelGrid grid, SegmentationParameters p) =>
        PolarImage.Sample(smoothed, centre, grid, p.AngleCount, (int)(p.MaxRadiusMm / p.RadialStepMm) + 1, p.RadialStepMm);

    private static SliceContours Contours(Vec2 centre, double[] endo, double[] epi, PixelGrid grid) =>
        new(new PolarContour(centre, endo, grid), new PolarContour(centre, epi, grid));
}
