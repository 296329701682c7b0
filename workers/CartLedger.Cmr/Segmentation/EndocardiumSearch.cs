using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// The endocardium as experts trace it on SSFP cine: at the inner edge of the compact (dark) myocardium, with
/// trabeculae and papillary muscles inside the cavity. Along each ray, the wall starts where the intensity
/// falls to <see cref="WallLevel"/> of the way from the wall signal to the blood signal (below half-way: the grey trabecular zone
/// belongs to the cavity) and stays there for <see cref="SustainMm"/>; the search starts inside a guide
/// radius (the blood pool's convex hull, or the previous phase), so dark papillary muscles inside the pool are
/// skipped. A closed minimal-cost path through these crossings (dynamic programming) gives the contour;
/// rays without a clear crossing follow their neighbours.
/// </summary>
public static class EndocardiumSearch
{
    /// <summary>The wall starts where intensity is within this fraction of (blood - myocardium) above the myocardium.</summary>
    public const double WallLevel = 0.3;

    private const double SustainMm = 1.5;
    private const double WallSearchInsideMm = 3;
    private const double CrossingSigmaMm = 1.5;
    private const double MissingCost = 0.5;
    private const double BloodFromMm = 8;
    private const double BloodToMm = 2;
    private const double WallSearchMm = 10;
    internal const double ValleyRise = 0.25;

    /// <param name="polar">The smoothed image around the slice centre.</param>
    /// <param name="guideMm">Guide radius per ray: the filled blood pool's convex hull, or the previous phase's endocardium.</param>
    /// <param name="guideWeight">Pull towards the guide, per mm^2.</param>
    /// <param name="startInsideGuideMm">How far inside the guide the search for the wall begins: at the hull itself (the wall
    /// level lies outside the pool's half-way edge, and papillary muscles touching the wall lie inside the hull, so the
    /// cavity keeps them, as experts draw), a few millimetres inside the previous phase (the wall moves inwards in systole).</param>
    /// <param name="intensities">The slice's blood and wall signal.</param>
    /// <param name="p">Segmentation parameters.</param>
    public static double[] Find(PolarImage polar, IReadOnlyList<double> guideMm, double guideWeight, double startInsideGuideMm, IntensityModel intensities, SegmentationParameters p)
    {
        var k = polar.AngleCount;
        var n = polar.RadiusCount;
        var sustain = Math.Max(1, (int)Math.Round(SustainMm / p.RadialStepMm));
        var cost = new float[k * n];
        for (var a = 0; a < k; a++)
        {
            var level = LocalWallLevel(polar, a, guideMm[a], intensities);
            var crossing = FirstSustainedBelow(polar, a, level, guideMm[a] - startInsideGuideMm, sustain);
            for (var i = 0; i < n; i++)
            {
                var r = polar.RadiusMm(i);
                double c;
                if (crossing is { } x)
                {
                    var d = (r - x) / CrossingSigmaMm;
                    c = Math.Min(d * d, 4.0) * 0.25;
                }
                else
                {
                    c = MissingCost;
                }
                var g = r - guideMm[a];
                cost[a * n + i] = (float)(c + guideWeight * g * g + (r < 1.0 ? 10 : 0));
            }
        }
        var path = ClosedPathSearch.Find(cost, k, n, MaxStepSamples(p), p.StepPenalty);
        return path.Select(i => polar.RadiusMm(i)).ToArray();
    }

    /// <summary>
    /// The crossing level of one ray, from its own blood (median 2-8 mm inside the guide) and its own darkest
    /// wall (lowest 2 mm mean within 10 mm outside the guide, up to where the signal climbs back again: a thin
    /// wall between blood and bright fat is not measured by the lung behind the fat): surface-coil shading makes one wall brighter
    /// than the opposite one, so a slice-wide level would cut into the bright wall or stop short in the dark one.
    /// The slice's intensity model bounds both where a ray sees no wall (e.g. it leaves through the valve plane).
    /// </summary>
    private static double LocalWallLevel(PolarImage polar, int ray, double guideMm, IntensityModel slice)
    {
        var step = polar.RadialStepMm;
        var inside = new List<float>();
        for (var r = Math.Max(0, guideMm - BloodFromMm); r <= guideMm - BloodToMm; r += step)
        {
            inside.Add(polar[ray, (int)Math.Round(r / step)]);
        }
        var blood = inside.Count > 0 ? Math.Max(Thresholds.Median(inside), slice.Myocardium + 0.5 * slice.Contrast) : slice.Blood;
        var window = Math.Max(1, (int)Math.Round(2.0 / step));
        var from = Math.Max(0, (int)Math.Round((guideMm - WallSearchInsideMm) / step));
        var to = Math.Min(polar.RadiusCount - window, (int)Math.Round((guideMm + WallSearchMm) / step));
        var trough = FirstValley(polar, ray, from, to, window, blood);
        trough = trough == double.MaxValue ? slice.Myocardium : Math.Max(trough, slice.Myocardium);
        return trough + WallLevel * (blood - trough);
    }

    /// <summary>
    /// The lowest <paramref name="window"/>-sample mean along a ray from sample <paramref name="from"/> to <paramref name="to"/>,
    /// up to where the signal climbs back a quarter of the way from that low towards <paramref name="blood"/>: the
    /// wall's own trough, not the dark lung behind a thin wall and a bright fat layer. <see cref="double.MaxValue"/>
    /// when the range is empty.
    /// </summary>
    internal static double FirstValley(PolarImage polar, int ray, int from, int to, int window, double blood)
    {
        var lowest = double.MaxValue;
        for (var i = from; i < to; i++)
        {
            double sum = 0;
            for (var j = 0; j < window; j++)
            {
                sum += polar[ray, i + j];
            }
            var mean = sum / window;
            if (lowest < blood && mean > lowest + ValleyRise * (blood - lowest))
            {
                break;
            }
            lowest = Math.Min(lowest, mean);
        }
        return lowest;
    }

    internal static int MaxStepSamples(SegmentationParameters p) => Math.Max(1, (int)Math.Round(p.MaxStepMm / p.RadialStepMm));

    /// <summary>The first radius (mm) from <paramref name="fromMm"/> outward where the ray stays below <paramref name="level"/> for <paramref name="sustain"/> samples.</summary>
    private static double? FirstSustainedBelow(PolarImage polar, int ray, double level, double fromMm, int sustain)
    {
        var start = Math.Max(1, (int)Math.Floor(fromMm / polar.RadialStepMm));
        var run = 0;
        for (var i = start; i < polar.RadiusCount; i++)
        {
            run = polar[ray, i] <= level ? run + 1 : 0;
            if (run == sustain)
            {
                var first = i - sustain + 1;
                var inside = polar[ray, first - 1];
                var outside = polar[ray, first];
                var fraction = inside > outside ? (inside - level) / (inside - outside) : 0;
                return polar.RadiusMm(first - 1) + Math.Clamp(fraction, 0, 1) * polar.RadialStepMm;
            }
        }
        return null;
    }

    /// <summary>A robust scale for edge strengths: the 95th percentile of positive values (at least a tiny epsilon).</summary>
    internal static double EdgeScale(float[] values)
    {
        var positive = values.Where(v => v > 0).ToArray();
        return positive.Length == 0 ? 1e-6 : Math.Max(1e-6, Thresholds.Percentile(positive, 95));
    }
}
