namespace CartLedger.Domain.Segments;

/// <summary>
/// The AHA 17, 18- and 36-segment models as data (SCIENCE.md 5, cmr-notes 1.1-1.3). Numbering: AHA 17 basal 1-6,
/// mid 7-12, apical 13-16 (anterior, septal, inferior, lateral), 17 = cap. 18: 1-6, 7-12, 13-18 in AHA wall order.
/// 36: basal 1-12, mid 13-24, apical 25-36, two halves per wall in AHA wall order (anterior 1, anterior 2,
/// anteroseptal 1, ...), half "1" per <see cref="SegmentConventions.HalfOne"/>.
/// </summary>
public static class SegmentModels
{
    private static readonly SegmentLevel[] RingLevels = [SegmentLevel.Basal, SegmentLevel.Mid, SegmentLevel.Apical];

    public static SegmentModel Aha17 { get; } = BuildAha17();

    public static SegmentModel Eighteen { get; } = BuildEighteen();

    public static SegmentModel ThirtySix { get; } = BuildThirtySix();

    public static SegmentModel Of(SegmentModelKind kind) => kind switch
    {
        SegmentModelKind.Aha17 => Aha17,
        SegmentModelKind.Eighteen => Eighteen,
        SegmentModelKind.ThirtySix => ThirtySix,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown segment model"),
    };

    /// <summary>Shortcut for <c>Of(id.Model)[id]</c>.</summary>
    public static SegmentInfo Describe(SegmentId id) => Of(id.Model)[id];

    private static SegmentModel BuildEighteen()
    {
        var segments = new List<SegmentInfo>();
        foreach (var level in RingLevels)
        {
            foreach (var wall in SegmentConventions.SixWalls)
            {
                var number = segments.Count + 1;
                segments.Add(Ring(SegmentId.Of18(number), level, wall, 0, new AngularRange(SegmentConventions.WallStartDeg(wall), 60)));
            }
        }
        segments.Add(Cap(SegmentModelKind.Eighteen));
        return new SegmentModel(SegmentModelKind.Eighteen, segments);
    }

    private static SegmentModel BuildThirtySix()
    {
        var segments = new List<SegmentInfo>();
        foreach (var level in RingLevels)
        {
            foreach (var wall in SegmentConventions.SixWalls)
            {
                var start = SegmentConventions.WallStartDeg(wall);
                foreach (var half in (int[])[1, 2])
                {
                    // Increasing theta runs counter-clockwise in the bullseye, so the counter-clockwise-first half starts at the wall's start.
                    var firstInTheta = (half == 1) == (SegmentConventions.HalfOne == FirstHalf.CounterClockwiseFirst);
                    var range = new AngularRange(firstInTheta ? start : start + 30, 30);
                    segments.Add(Ring(SegmentId.Of36(segments.Count + 1), level, wall, half, range));
                }
            }
        }
        segments.Add(Cap(SegmentModelKind.ThirtySix));
        return new SegmentModel(SegmentModelKind.ThirtySix, segments);
    }

    private static SegmentModel BuildAha17()
    {
        var segments = new List<SegmentInfo>();
        foreach (var level in (SegmentLevel[])[SegmentLevel.Basal, SegmentLevel.Mid])
        {
            foreach (var wall in SegmentConventions.SixWalls)
            {
                segments.Add(Ring(SegmentId.Aha17(segments.Count + 1), level, wall, 0, new AngularRange(SegmentConventions.WallStartDeg(wall), 60)));
            }
        }
        foreach (var (wall, start) in SegmentConventions.AhaApicalSectors)
        {
            segments.Add(Ring(SegmentId.Aha17(segments.Count + 1), SegmentLevel.Apical, wall, 0, new AngularRange(start, 90)));
        }
        segments.Add(Cap(SegmentModelKind.Aha17));
        return new SegmentModel(SegmentModelKind.Aha17, segments);
    }

    private static SegmentInfo Ring(SegmentId id, SegmentLevel level, Wall wall, int half, AngularRange range)
    {
        var suffix = half == 0 ? "" : $" {half}";
        var levelName = level.ToString().ToLowerInvariant();
        var area = ReferenceLeftVentricle.LevelAreaCm2(level) * range.WidthDeg / 360.0;
        return new SegmentInfo(id, $"{levelName} {WallName(wall)}{suffix}", $"{levelName}-{EchoWallName(wall)}{suffix}", level, wall, half, range, area);
    }

    private static SegmentInfo Cap(SegmentModelKind model) =>
        new(SegmentId.ApicalCap(model), "apical cap", "apex", SegmentLevel.ApicalCap, Wall.Cap, 0, AngularRange.FullCircle,
            ReferenceLeftVentricle.LevelAreaCm2(SegmentLevel.ApicalCap));

    internal static string WallName(Wall wall) => wall.ToString().ToLowerInvariant();

    /// <summary>Older echo synonyms (cmr-notes 1.2): seed 2's "mid-lateral 1" is the mid anterolateral wall.</summary>
    private static string EchoWallName(Wall wall) => wall switch
    {
        Wall.Inferoseptal => "septal",
        Wall.Inferolateral => "posterior",
        Wall.Anterolateral => "lateral",
        _ => WallName(wall),
    };
}
