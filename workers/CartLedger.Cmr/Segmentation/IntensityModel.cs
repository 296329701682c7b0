using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Typical blood-pool and compact-myocardium intensities of one slice (SSFP: blood bright, myocardium dark).
/// Blood is the median of the pool's core; myocardium the median, over rays, of the darkest 3 mm stretch
/// within 15 mm outside the pool, up to where the signal climbs back a quarter of the way towards blood (the
/// compact wall, below the grey trabecular zone; not the lung behind a thin wall and a bright fat layer;
/// lung only where a ray meets no wall at all, which the median discounts).
/// </summary>
public sealed record IntensityModel(double Blood, double Myocardium)
{
    private const double SearchMm = 15;
    private const double WindowMm = 3;

    public double Contrast => Blood - Myocardium;

    public static IntensityModel Estimate(PolarImage polar, IReadOnlyList<double> poolRadiiMm, double bloodMedian)
    {
        var window = Math.Max(1, (int)Math.Round(WindowMm / polar.RadialStepMm));
        var darkest = new List<float>();
        for (var a = 0; a < polar.AngleCount; a++)
        {
            var from = (int)Math.Round(poolRadiiMm[a] / polar.RadialStepMm);
            var to = Math.Min(polar.RadiusCount - window, from + (int)Math.Round(SearchMm / polar.RadialStepMm));
            var best = EndocardiumSearch.FirstValley(polar, a, from, to, window, bloodMedian);
            if (best < double.MaxValue)
            {
                darkest.Add((float)best);
            }
        }
        var myocardium = darkest.Count == 0 ? bloodMedian / 2 : Thresholds.Median(darkest);
        return new IntensityModel(bloodMedian, Math.Min(myocardium, bloodMedian));
    }
}
