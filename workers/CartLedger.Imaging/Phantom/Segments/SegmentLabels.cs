namespace CartLedger.Imaging.Phantom.Segments;

/// <summary>
/// SCIENCE.md section 5 for the phantom's truth: (level fraction s, theta) -> segment in the 36-, 18- and
/// AHA 17-segment models. theta = 0 at the anterior RV insertion point, growing towards the septum; levels are
/// thirds of base plane (s = 0) to endocardial apex (s = 1); beyond the cavity (s > 1) is the apical cap.
/// This is the one place the phantom labels segments: replace it by the domain's segment models when they land.
/// </summary>
public static class SegmentLabels
{
    /// <summary>Segment number of the apical cap in every model here (AHA 17; "cap" in the 36/18 models).</summary>
    public const int ApicalCap = 17;

    /// <summary>Which half of a 60-degree wall is "1": the half met first going counter-clockwise in the bullseye, i.e. the lower theta.</summary>
    public const bool HalfOneIsLowerTheta = true;

    public static readonly string[] Walls = ["anterior", "anteroseptal", "inferoseptal", "inferior", "inferolateral", "anterolateral"];
    public static readonly string[] LevelNames = ["basal", "mid", "apical"];

    public static bool IsApicalCap(double s) => s > 1.0;

    /// <summary>0 basal, 1 mid, 2 apical (the cap counts as apical here; test <see cref="IsApicalCap"/> first).</summary>
    public static int Level(double s) => s < 1.0 / 3 ? 0 : s < 2.0 / 3 ? 1 : 2;

    /// <summary>AHA wall index 0..5 (anterior, anteroseptal, inferoseptal, inferior, inferolateral, anterolateral).</summary>
    public static int Wall(double thetaDeg) => ((int)Math.Floor(Wrap(thetaDeg) / 60.0) + 1) % 6;

    /// <summary>36-segment number 1..36 (basal 1-12, mid 13-24, apical 25-36); the cap has none (returns 0).</summary>
    public static int Segment36(double s, double thetaDeg)
    {
        if (IsApicalCap(s))
        {
            return 0;
        }
        var theta = Wrap(thetaDeg);
        var lowerHalf = theta % 60.0 < 30.0;
        var half = lowerHalf == HalfOneIsLowerTheta ? 0 : 1;
        return Level(s) * 12 + Wall(theta) * 2 + half + 1;
    }

    /// <summary>18-segment number 1..18; 0 for the cap.</summary>
    public static int Segment18(double s, double thetaDeg) => IsApicalCap(s) ? 0 : Level(s) * 6 + Wall(thetaDeg) + 1;

    /// <summary>AHA 17: basal 1-6 and mid 7-12 in 60-degree walls; apical 13-16 in 90-degree sectors with septal centred on 60 degrees; 17 cap.</summary>
    public static int Aha17(double s, double thetaDeg)
    {
        if (IsApicalCap(s))
        {
            return ApicalCap;
        }
        var level = Level(s);
        if (level < 2)
        {
            return level * 6 + Wall(thetaDeg) + 1;
        }
        var theta = Wrap(thetaDeg);
        return theta >= 15 && theta < 105 ? 14 : theta >= 105 && theta < 195 ? 15 : theta >= 195 && theta < 285 ? 16 : 13;
    }

    public static int Segment36To18(int segment36) => (segment36 - 1) / 12 * 6 + (segment36 - 1) % 12 / 2 + 1;

    /// <summary>Septal = anteroseptal and inferoseptal halves at all levels (12 segments).</summary>
    public static bool IsSeptal36(int segment36) => (segment36 - 1) % 12 / 2 is 1 or 2;

    /// <summary>"mid-anterolateral 1" style name.</summary>
    public static string Name36(int segment36)
    {
        var level = (segment36 - 1) / 12;
        var wall = (segment36 - 1) % 12 / 2;
        var half = (segment36 - 1) % 2 + 1;
        return $"{LevelNames[level]}-{Walls[wall]} {half}";
    }

    /// <summary>The (s, theta) range of a 36-segment: s in [S0, S1), theta in [Theta0, Theta0 + 30).</summary>
    public static (double S0, double S1, double Theta0) Bounds36(int segment36)
    {
        var level = (segment36 - 1) / 12;
        var wall = (segment36 - 1) % 12 / 2;
        var half = (segment36 - 1) % 2;
        var lowerHalf = (half == 0) == HalfOneIsLowerTheta;
        var wallStart = (wall + 5) % 6 * 60.0;
        return (level / 3.0, (level + 1) / 3.0, wallStart + (lowerHalf ? 0 : 30));
    }

    /// <summary>36-segment adjacency: same level and neighbouring sector (wrapping), or same sector and neighbouring level.</summary>
    public static bool Adjacent36(int a, int b)
    {
        int la = (a - 1) / 12, lb = (b - 1) / 12, sa = (a - 1) % 12, sb = (b - 1) % 12;
        return (la == lb && ((sa - sb + 12) % 12 == 1 || (sb - sa + 12) % 12 == 1)) || (sa == sb && Math.Abs(la - lb) == 1);
    }

    public static double Wrap(double thetaDeg) => thetaDeg - Math.Floor(thetaDeg / 360.0) * 360.0;
}
