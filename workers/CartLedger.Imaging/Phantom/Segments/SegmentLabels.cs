using CartLedger.Domain.Segments;

namespace CartLedger.Imaging.Phantom.Segments;

/// <summary>
/// The phantom's view of SCIENCE.md section 5, delegating to the domain's segment models
/// (<see cref="SegmentLookup"/>, <see cref="SegmentModels"/>): (level fraction s, theta) -> 36/18/AHA 17 segment.
/// s = 0 at the base plane, 1 at the endocardial apex; s > 1 is the apical cap; s &lt; 0 (above the base plane)
/// counts as basal. theta = 0 at the anterior RV insertion point, growing towards the septum.
/// </summary>
public static class SegmentLabels
{
    /// <summary>The AHA 17 apical cap number (the 36/18 models number their cap 0).</summary>
    public const int ApicalCap = 17;

    public static bool IsApicalCap(double s) => s > 1.0;

    private static SegmentLocation Locate(double s, double thetaDeg) => SegmentLookup.Locate(Math.Clamp(s, 0.0, 1.0), thetaDeg);

    /// <summary>36-segment number 1..36 (basal 1-12, mid 13-24, apical 25-36); 0 for the cap.</summary>
    public static int Segment36(double s, double thetaDeg) => IsApicalCap(s) ? 0 : Locate(s, thetaDeg).Segment36.Number;

    /// <summary>18-segment number 1..18; 0 for the cap.</summary>
    public static int Segment18(double s, double thetaDeg) => IsApicalCap(s) ? 0 : Locate(s, thetaDeg).Segment18.Number;

    /// <summary>AHA 17 segment 1..17.</summary>
    public static int Aha17(double s, double thetaDeg) => IsApicalCap(s) ? ApicalCap : Locate(s, thetaDeg).Aha17.Number;

    public static int Segment36To18(int segment36) => SegmentHierarchy.ToEighteen(SegmentId.Of36(segment36)).Number;

    public static bool IsSeptal36(int segment36) => SegmentModels.ThirtySix[segment36].IsSeptal;

    public static string Name36(int segment36) => SegmentModels.ThirtySix[segment36].Name;

    /// <summary>The (s, theta) range of a 36-segment: s in [S0, S1), theta in [Theta0, Theta0 + 30).</summary>
    public static (double S0, double S1, double Theta0) Bounds36(int segment36)
    {
        var info = SegmentModels.ThirtySix[segment36];
        var level = info.Level switch
        {
            SegmentLevel.Basal => 0,
            SegmentLevel.Mid => 1,
            _ => 2,
        };
        return (level / 3.0, (level + 1) / 3.0, info.Range.StartDeg);
    }

    public static bool Adjacent36(int a, int b) => SegmentModels.ThirtySix.AreAdjacent(SegmentId.Of36(a), SegmentId.Of36(b));

    public static double Wrap(double thetaDeg) => thetaDeg - Math.Floor(thetaDeg / 360.0) * 360.0;
}
