namespace CartLedger.Domain.Segments;

/// <summary>Which half of a 60 deg wall is called "1" in the 36-segment model.</summary>
public enum FirstHalf
{
    /// <summary>"1" is the half met first going counter-clockwise in the standard bullseye (anterior up, septum left).</summary>
    CounterClockwiseFirst,

    /// <summary>"1" is the half met first going clockwise in the standard bullseye.</summary>
    ClockwiseFirst,
}

/// <summary>
/// The angular and level conventions every CartLedger component shares (SCIENCE.md 5). The papers do not publish them,
/// so they are fixed here, once.
/// <list type="bullet">
/// <item>Angle theta (degrees): 0 at the anterior RV insertion point, increasing towards the septum. In the standard
/// bullseye (anterior up, septum left, viewed from the apex) increasing theta runs counter-clockwise, and the bullseye
/// angle measured counter-clockwise from 12 o'clock is theta + <see cref="BullseyeOffsetDeg"/>.</item>
/// <item>Walls at basal, mid (and 18/36 apical) levels, 60 deg each: anteroseptal [0, 60), inferoseptal [60, 120),
/// inferior [120, 180), inferolateral [180, 240), anterolateral [240, 300), anterior [300, 360). The anterior RV
/// insertion is the boundary of AHA segments 1 and 2 (cmr-notes 1.1, convention 1).</item>
/// <item>AHA 17 apical sectors, 90 deg, septal centred on the septum (theta 60): septal [15, 105), inferior [105, 195),
/// lateral [195, 285), anterior [285, 375).</item>
/// <item>Level fraction s from the base plane (0) to the last slice with cavity (1): basal [0, 1/3), mid [1/3, 2/3),
/// apical [2/3, 1]; myocardium beyond the cavity is the apical cap.</item>
/// </list>
/// </summary>
public static class SegmentConventions
{
    /// <summary>The one place that decides which half of a 36-segment pair is "1" (SCIENCE.md 5).</summary>
    public const FirstHalf HalfOne = FirstHalf.CounterClockwiseFirst;

    /// <summary>Bullseye angle (counter-clockwise from 12 o'clock) = theta + this; the anterior wall is centred at 12 o'clock.</summary>
    public const int BullseyeOffsetDeg = 30;

    /// <summary>Start angle (theta, degrees) of each 60 deg wall, in AHA order anterior .. anterolateral.</summary>
    internal static int WallStartDeg(Wall wall) => wall switch
    {
        Wall.Anterior => 300,
        Wall.Anteroseptal => 0,
        Wall.Inferoseptal => 60,
        Wall.Inferior => 120,
        Wall.Inferolateral => 180,
        Wall.Anterolateral => 240,
        _ => throw new ArgumentOutOfRangeException(nameof(wall), wall, "not one of the six 60 deg walls"),
    };

    /// <summary>The six 60 deg walls in AHA numbering order (segments 1-6 basal, 7-12 mid).</summary>
    public static IReadOnlyList<Wall> SixWalls { get; } =
        [Wall.Anterior, Wall.Anteroseptal, Wall.Inferoseptal, Wall.Inferior, Wall.Inferolateral, Wall.Anterolateral];

    /// <summary>The four 90 deg AHA 17 apical sectors in numbering order (13-16) with their start angle theta.</summary>
    public static IReadOnlyList<(Wall Wall, int StartDeg)> AhaApicalSectors { get; } =
        [(Wall.Anterior, 285), (Wall.Septal, 15), (Wall.Inferior, 105), (Wall.Lateral, 195)];

    /// <summary>Level of a level fraction s in [0, 1] (base plane to end of cavity).</summary>
    public static SegmentLevel LevelOf(double baseToApexFraction)
    {
        if (!double.IsFinite(baseToApexFraction) || baseToApexFraction < 0 || baseToApexFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(baseToApexFraction), baseToApexFraction,
                "level fraction must lie in [0, 1] (0 = base plane, 1 = last slice with cavity); use the apical cap beyond the cavity");
        }
        return baseToApexFraction < 1.0 / 3 ? SegmentLevel.Basal : baseToApexFraction < 2.0 / 3 ? SegmentLevel.Mid : SegmentLevel.Apical;
    }

    /// <summary>Theta normalised to [0, 360).</summary>
    public static double NormaliseAngle(double angleDeg)
    {
        if (!double.IsFinite(angleDeg))
        {
            throw new ArgumentOutOfRangeException(nameof(angleDeg), angleDeg, "angle must be a finite number of degrees");
        }
        var a = angleDeg % 360.0;
        if (a < 0)
        {
            a += 360.0;
        }
        return a >= 360.0 ? 0.0 : a;
    }
}
