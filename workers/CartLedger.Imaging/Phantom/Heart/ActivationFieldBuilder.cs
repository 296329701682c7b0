using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// Activation delay over the wall from an early and a late site: delay = max * De / (De + Dl), with De and Dl the
/// distances (mm, on the unrolled wall) to the two sites, plus a few ms of smooth noise. The result is 0 at the
/// early site, the maximum at the late site and smooth in between, which is how LBBB maps look at CMR resolution.
/// </summary>
public static class ActivationFieldBuilder
{
    public sealed record Sites(double EarlyLevel, double EarlyThetaDeg, double LateLevel, double LateThetaDeg, double MaxDelayMs);

    public static Sites Draw(ActivationPattern pattern, SeededRandom r, int? lateSegment36)
    {
        var sites = pattern switch
        {
            ActivationPattern.Lbbb => new Sites(r.Uniform(0.35, 0.65), r.Uniform(45, 85), r.Uniform(0.1, 0.5), r.Uniform(190, 290), r.Uniform(100, 150)),
            ActivationPattern.NonSpecific => new Sites(r.Uniform(0.3, 0.7), r.Uniform(0, 360), r.Uniform(0.1, 0.6), 0, r.Uniform(50, 80)),
            _ => new Sites(r.Uniform(0.4, 0.7), r.Uniform(40, 90), r.Uniform(0.1, 0.5), r.Uniform(180, 300), r.Uniform(25, 40)),
        };
        if (pattern == ActivationPattern.NonSpecific)
        {
            sites = sites with { LateThetaDeg = Segments.SegmentLabels.Wrap(sites.EarlyThetaDeg + r.Uniform(140, 220)) };
        }
        if (lateSegment36 is { } segment)
        {
            var (s0, s1, theta0) = Segments.SegmentLabels.Bounds36(segment);
            sites = sites with { LateLevel = (s0 + s1) / 2, LateThetaDeg = theta0 + 15 };
        }
        return sites;
    }

    public static RegionalGrid Build(Sites sites, LvGeometry lv, SmoothNoise noise)
    {
        var radius = lv.EndoRadialMm + lv.WallMm / 2;
        double Distance(double s, double theta, double s0, double theta0)
        {
            var dTheta = Math.Abs(Segments.SegmentLabels.Wrap(theta - theta0 + 180) - 180) * Math.PI / 180;
            var ds = (s - s0) * lv.CavityLengthMm;
            return Math.Sqrt(ds * ds + dTheta * radius * dTheta * radius);
        }
        return RegionalGrid.From((s, theta) =>
        {
            var early = Distance(s, theta, sites.EarlyLevel, sites.EarlyThetaDeg);
            var late = Distance(s, theta, sites.LateLevel, sites.LateThetaDeg);
            var fraction = early / Math.Max(early + late, 1e-6);
            return Math.Max(0, sites.MaxDelayMs * fraction + 6 * noise[s, theta]);
        });
    }
}
