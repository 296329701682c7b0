using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>The LV blood pool found at one slice: the filled region, its centre and the blood/tissue threshold.</summary>
public sealed record BloodPoolRegion(Mask2D Mask, Vec2 Centre, double Threshold, double AreaMm2, double Solidity);

/// <summary>
/// Finds the bright LV cavity around a seed (SSFP: blood is the brightest large tissue). Otsu's threshold in a
/// disc around the seed gives a first cavity; the threshold is then set half-way between the cavity's core and
/// the ring of wall just outside it (the half-maximum edge experts trace). Holes (papillary muscles,
/// trabeculae) are filled, as Sunnybrook and ACDC experts include them in the cavity. Where the cavity leaks
/// into the RV, atrium or aorta through a valve plane or thin wall, the region is not convex: openings with
/// growing discs cut the bridge until the region is compact (solidity = area / convex hull area).
/// </summary>
public static class BloodPool
{
    private const double RoiRadiusMm = 50;
    private const double SeedSnapMm = 15;
    private const double MinSolidity = 0.85;
    private const double FirstOpeningMm = 1.5;
    private const double LastOpeningMm = 9;
    private const double OpeningStepMm = 1.5;

    public static BloodPoolRegion? Find(Image2D smoothed, Vec2 seed, PixelGrid grid, SegmentationParameters p, double? threshold = null)
    {
        var roi = RoiValues(smoothed, seed, grid);
        if (roi.Count < 16)
        {
            return null;
        }
        var t = threshold ?? Thresholds.Otsu(roi);
        var first = Compact(smoothed, seed, grid, p, t);
        if (first is null)
        {
            return null;
        }
        if (threshold is null)
        {
            var refined = HalfWayThreshold(smoothed, first.Mask, grid);
            if (refined is { } r && Compact(smoothed, seed, grid, p, r) is { } second)
            {
                return second;
            }
        }
        return first;
    }

    private static BloodPoolRegion? Compact(Image2D smoothed, Vec2 seed, PixelGrid grid, SegmentationParameters p, double threshold)
    {
        var bright = new Mask2D(smoothed.Width, smoothed.Height);
        for (var i = 0; i < bright.Bits.Length; i++)
        {
            bright.Bits[i] = smoothed.Pixels[i] >= threshold ? (byte)1 : (byte)0;
        }
        BloodPoolRegion? best = null;
        for (var opening = FirstOpeningMm; opening <= LastOpeningMm + 1e-9; opening += OpeningStepMm)
        {
            var region = Pick(Regions.Label(Morphology.Open(bright, grid, opening)), seed, smoothed.Width, grid, p);
            if (region is null)
            {
                break;
            }
            var filled = Regions.FillHoles(Regions.ToMask(region, smoothed.Width, smoothed.Height));
            var hullArea = Polygons.AreaMm2(ConvexHull.OfMask(filled), grid);
            var area = filled.Count() * grid.PixelAreaMm2;
            var centre = filled.Centroid()!.Value;
            var candidate = new BloodPoolRegion(filled, new Vec2(centre.X, centre.Y), threshold, area, area / Math.Max(hullArea, 1e-9));
            if (best is null || candidate.Solidity > best.Solidity)
            {
                best = candidate;
            }
            if (candidate.Solidity >= MinSolidity)
            {
                return candidate;
            }
        }
        return best;
    }

    /// <summary>Half-way between the median of the cavity core and the median of a 2-6 mm ring outside it.</summary>
    private static double? HalfWayThreshold(Image2D smoothed, Mask2D pool, PixelGrid grid)
    {
        var core = Morphology.Erode(pool, grid, 3);
        var ring = Morphology.Dilate(pool, grid, 6).AndNot(Morphology.Dilate(pool, grid, 2));
        var coreValues = Values(smoothed, core);
        var ringValues = Values(smoothed, ring);
        if (coreValues.Count < 8 || ringValues.Count < 8)
        {
            return null;
        }
        var wall = Thresholds.Median(ringValues);
        return wall + double.Parse(Environment.GetEnvironmentVariable("F") ?? "0.5") * (Thresholds.Median(coreValues) - wall);
    }

    private static List<float> Values(Image2D image, Mask2D mask)
    {
        var values = new List<float>();
        for (var i = 0; i < mask.Bits.Length; i++)
        {
            if (mask.Bits[i] != 0)
            {
                values.Add(image.Pixels[i]);
            }
        }
        return values;
    }

    private static Region? Pick(IReadOnlyList<Region> regions, Vec2 seed, int width, PixelGrid grid, SegmentationParameters p)
    {
        var seedIndex = (int)Math.Round(seed.Y) * width + (int)Math.Round(seed.X);
        Region? best = null;
        var bestDistance = double.MaxValue;
        foreach (var region in regions)
        {
            var area = region.Area * grid.PixelAreaMm2;
            if (area < p.MinPoolAreaMm2 || area > p.MaxPoolAreaMm2)
            {
                continue;
            }
            var distance = region.PixelIndices is List<int> sorted && sorted.BinarySearch(seedIndex) >= 0
                ? 0
                : grid.LengthMm(new Vec2(region.CentroidX, region.CentroidY) - seed);
            if (distance < bestDistance && distance <= SeedSnapMm)
            {
                best = region;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static List<float> RoiValues(Image2D image, Vec2 seed, PixelGrid grid)
    {
        var values = new List<float>();
        var rx = RoiRadiusMm / grid.XSpacingMm;
        var ry = RoiRadiusMm / grid.YSpacingMm;
        for (var y = Math.Max(0, (int)(seed.Y - ry)); y <= Math.Min(image.Height - 1, (int)(seed.Y + ry)); y++)
        {
            for (var x = Math.Max(0, (int)(seed.X - rx)); x <= Math.Min(image.Width - 1, (int)(seed.X + rx)); x++)
            {
                if (grid.LengthMm(new Vec2(x - seed.X, y - seed.Y)) <= RoiRadiusMm)
                {
                    values.Add(image[x, y]);
                }
            }
        }
        return values;
    }
}
