namespace CartLedger.Domain.Segments;

/// <summary>The segment of each model that contains one point of the LV surface.</summary>
/// <param name="Segment36">The 36-segment.</param>
/// <param name="Segment18">The 18-segment (always the parent of <paramref name="Segment36"/>).</param>
/// <param name="Aha17">The geometric AHA 17 segment (90 deg apical sectors; see <see cref="SegmentHierarchy"/>).</param>
public readonly record struct SegmentLocation(SegmentId Segment36, SegmentId Segment18, SegmentId Aha17);

/// <summary>
/// Maps a point of the LV surface, given as (level fraction, theta), to its segment in every model
/// (SCIENCE.md 5; conventions in <see cref="SegmentConventions"/>). Pure and allocation-free, for per-vertex use.
/// </summary>
public static class SegmentLookup
{
    /// <summary>
    /// The segments containing the point at level fraction <paramref name="baseToApexFraction"/> (0 = base plane,
    /// 1 = last slice with cavity) and angle <paramref name="angleFromAnteriorRvInsertionDeg"/> (theta; any finite
    /// value, taken modulo 360). Boundaries belong to the segment that starts there.
    /// </summary>
    public static SegmentLocation Locate(double baseToApexFraction, double angleFromAnteriorRvInsertionDeg)
    {
        var level = SegmentConventions.LevelOf(baseToApexFraction);
        var theta = SegmentConventions.NormaliseAngle(angleFromAnteriorRvInsertionDeg);
        var segment36 = Find(SegmentModels.ThirtySix, level, theta);
        var aha17 = Find(SegmentModels.Aha17, level, theta);
        return new SegmentLocation(segment36, SegmentHierarchy.ToEighteen(segment36), aha17);
    }

    /// <summary>The location of a point beyond the cavity: the apical cap of every model.</summary>
    public static SegmentLocation ApicalCap { get; } = new(
        SegmentId.ApicalCap(SegmentModelKind.ThirtySix), SegmentId.ApicalCap(SegmentModelKind.Eighteen), SegmentId.ApicalCap(SegmentModelKind.Aha17));

    private static SegmentId Find(SegmentModel model, SegmentLevel level, double theta)
    {
        foreach (var segment in model.Segments)
        {
            if (segment.Level == level && segment.Range.Contains(theta))
            {
                return segment.Id;
            }
        }
        throw new InvalidOperationException($"no {model.Kind} segment at {level} theta {theta}: the model does not tile the ring");
    }
}
