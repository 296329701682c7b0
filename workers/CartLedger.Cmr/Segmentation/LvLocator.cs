using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Finds the LV cavity on a mid-ventricular slice with no user input (PMC3982962's idea: the heart is what
/// moves). Candidates are the bright compact regions of the first frame; each is scored by how round and
/// convex it is, how much the image changes over the cycle around its border (the wall moves, the chest does
/// not), and, between LV and RV, by lying on the LV side (patient left and posterior). Returns the seed in pixels.
/// </summary>
public static class LvLocator
{
    private const double MinAreaMm2 = 250;
    private const double MaxAreaMm2 = 8000;
    private const double MotionBandMm = 8;
    private const double RingInnerMm = 3;
    private const double RingOuterMm = 8;

    /// <summary>A cavity must stand out from the wall around it by this many noise standard deviations (SSFP blood/myocardium: 10-30).</summary>
    private const double MinContrastToNoise = 5;

    public static Vec2? Locate(CineSlice slice, SegmentationParameters p)
    {
        var grid = PixelGrid.Of(slice.Plane);
        var first = SliceSegmenter.Smooth(slice.Frames[0], grid, p);
        var motion = Smoothing.Gaussian(TemporalSpread(slice.Frames), 3.0 / Math.Sqrt(grid.PixelAreaMm2));
        var motionScale = Math.Max(1e-6, motion.Pixels.Max());
        var centralValues = Central(first);
        var threshold = Thresholds.Otsu(centralValues);
        var bright = new Mask2D(first.Width, first.Height);
        for (var i = 0; i < bright.Bits.Length; i++)
        {
            bright.Bits[i] = first.Pixels[i] >= threshold ? (byte)1 : (byte)0;
        }
        bright = Morphology.Open(bright, grid, 2.5);
        var noise = NoiseSd(slice.Frames[0]);
        var candidates = new List<(Vec2 Centre, double Score, Vec3 Patient)>();
        foreach (var region in Regions.Label(bright))
        {
            var area = region.Area * grid.PixelAreaMm2;
            if (area < MinAreaMm2 || area > MaxAreaMm2)
            {
                continue;
            }
            var mask = Regions.FillHoles(Regions.ToMask(region, first.Width, first.Height));
            var solidity = mask.Count() * grid.PixelAreaMm2 / Math.Max(1e-9, Polygons.AreaMm2(ConvexHull.OfMask(mask), grid));
            var ring = Morphology.Dilate(mask, grid, RingOuterMm).AndNot(Morphology.Dilate(mask, grid, RingInnerMm));
            if (Mean(first, mask) - Mean(first, ring) < MinContrastToNoise * noise)
            {
                continue;
            }
            var band = Morphology.Dilate(mask, grid, MotionBandMm).AndNot(Morphology.Erode(mask, grid, 3));
            var bandMotion = Mean(motion, band) / motionScale;
            var centre = new Vec2(region.CentroidX, region.CentroidY);
            var score = Math.Pow(solidity, 4) * Roundness(mask) * bandMotion;
            candidates.Add((centre, score, slice.Plane.ToPatient(centre)));
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        return candidates.MaxBy(c => c.Score * SideWeight(c.Patient, candidates.Select(o => o.Patient)))!.Centre;
    }

    /// <summary>Robust noise level: the median absolute difference of horizontal neighbours, scaled to a Gaussian SD.</summary>
    public static double NoiseSd(Image2D image)
    {
        var differences = new List<float>(image.Width * image.Height);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 1; x < image.Width; x++)
            {
                differences.Add(Math.Abs(image[x, y] - image[x - 1, y]));
            }
        }
        return Math.Max(1e-6, Thresholds.Median(differences) * 1.4826 / Math.Sqrt(2));
    }

    /// <summary>Per-pixel standard deviation over the phases of a cine slice.</summary>
    public static Image2D TemporalSpread(IReadOnlyList<Image2D> frames)
    {
        var w = frames[0].Width;
        var h = frames[0].Height;
        var spread = new float[w * h];
        for (var i = 0; i < spread.Length; i++)
        {
            double sum = 0, sumSquares = 0;
            foreach (var frame in frames)
            {
                var v = frame.Pixels[i];
                sum += v;
                sumSquares += v * v;
            }
            var mean = sum / frames.Count;
            spread[i] = (float)Math.Sqrt(Math.Max(0, sumSquares / frames.Count - mean * mean));
        }
        return new Image2D(w, h, spread);
    }

    /// <summary>Among candidates, the LV lies to the patient's left/posterior of the RV: a mild preference for that side.</summary>
    private static double SideWeight(Vec3 candidate, IEnumerable<Vec3> all)
    {
        var list = all.ToList();
        var mean = list.Aggregate(Vec3.Zero, (s, v) => s + v) / list.Count;
        var towardsLv = -(candidate - mean).Dot(Anatomy.LvToSeptum);
        return 1 + 0.5 * Math.Tanh(towardsLv / 20.0);
    }

    private static double Roundness(Mask2D mask)
    {
        var c = mask.Centroid()!.Value;
        double sxx = 0, syy = 0, sxy = 0;
        var n = 0;
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask[x, y])
                {
                    double dx = x - c.X, dy = y - c.Y;
                    sxx += dx * dx;
                    syy += dy * dy;
                    sxy += dx * dy;
                    n++;
                }
            }
        }
        sxx /= n;
        syy /= n;
        sxy /= n;
        var mean = (sxx + syy) / 2;
        var diff = Math.Sqrt((sxx - syy) * (sxx - syy) / 4 + sxy * sxy);
        return mean + diff <= 0 ? 0 : (mean - diff) / (mean + diff);
    }

    private static double Mean(Image2D image, Mask2D mask)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < mask.Bits.Length; i++)
        {
            if (mask.Bits[i] != 0)
            {
                sum += image.Pixels[i];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Values of the central two thirds of the image (the heart is planned near the centre of the field).</summary>
    private static List<float> Central(Image2D image)
    {
        var values = new List<float>();
        for (var y = image.Height / 6; y < image.Height * 5 / 6; y++)
        {
            for (var x = image.Width / 6; x < image.Width * 5 / 6; x++)
            {
                values.Add(image[x, y]);
            }
        }
        return values;
    }
}
