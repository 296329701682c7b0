namespace CartLedger.Domain.Segments;

/// <summary>
/// The fixed table 36 -> 18 -> AHA 17 (SCIENCE.md 5). 36 -> 18 nests exactly (each 36-segment is one half of its
/// 18-segment). 18 -> AHA 17 is the identity for basal and mid; at the apex the standard correspondence maps
/// apical anteroseptal and inferoseptal to apical septal (14) and apical inferolateral and anterolateral to apical
/// lateral (16), which is the AHA sector each overlaps most. The 90 deg AHA apical sectors do not nest in 60 or
/// 30 deg ones, so within 15 deg of an AHA apical boundary the geometric AHA 17 segment of a point
/// (<see cref="SegmentLookup"/>) can differ from this table's image of its 36-segment; classifications that compare
/// segments (lead categories) always go through this table so that both sides are mapped alike.
/// </summary>
public static class SegmentHierarchy
{
    // Index = 18-segment number (0 = cap); value = AHA 17 number.
    private static readonly int[] EighteenToAha17 = [17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15, 16, 16];

    /// <summary>The 18-segment that contains a 36-segment (the cap maps to the cap).</summary>
    public static SegmentId ToEighteen(SegmentId segment36)
    {
        segment36.Require(SegmentModelKind.ThirtySix, nameof(segment36));
        return SegmentId.Of18(segment36.IsApicalCap ? 0 : (segment36.Number + 1) / 2);
    }

    /// <summary>The AHA 17 segment of an 18- or 36-segment (or the AHA 17 segment itself).</summary>
    public static SegmentId ToAha17(SegmentId segment) => segment.Model switch
    {
        SegmentModelKind.Aha17 => segment,
        SegmentModelKind.Eighteen => SegmentId.Aha17(EighteenToAha17[segment.Number]),
        _ => ToAha17(ToEighteen(segment)),
    };

    /// <summary>The segment of <paramref name="target"/> model that contains <paramref name="segment"/> (coarser or equal models only).</summary>
    public static SegmentId ToModel(SegmentId segment, SegmentModelKind target)
    {
        if (segment.Model == target)
        {
            return segment;
        }
        return (segment.Model, target) switch
        {
            (SegmentModelKind.ThirtySix, SegmentModelKind.Eighteen) => ToEighteen(segment),
            (_, SegmentModelKind.Aha17) => ToAha17(segment),
            _ => throw new ArgumentException($"segment {segment} cannot be mapped to the finer {SegmentId.Describe(target)} model", nameof(target)),
        };
    }

    /// <summary>The 36-segments that make up a segment of any model (via the table), in number order.</summary>
    public static IReadOnlyList<SegmentId> ThirtySixChildrenOf(SegmentId segment) =>
        [.. SegmentModels.ThirtySix.Segments.Select(s => s.Id).Where(id => ToModel(id, segment.Model) == segment).OrderBy(id => id.Number)];
}
