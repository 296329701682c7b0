using CartLedger.Domain.Segments;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// The activation map over the 36 segments, robust to one segment's noise: a segment's time to peak is the weighted
/// mean of its own and its edge neighbours' (SCIENCE.md 5 adjacency: the two beside it on its ring, the ones above and
/// below), each weighted by how clearly its segment shortens (peak circumferential shortening, %) and the neighbours
/// also by <see cref="TrackingParameters.MapNeighbourWeight"/>. Mechanical activation spreads smoothly over the wall
/// (LBBB: from the septum to the lateral wall over ~100-150 ms), so a single segment far from its neighbours is more
/// likely tracking noise than physiology; a segment that hardly shortens (scar, a failed contour) hardly times anything,
/// and takes its neighbours' time. Segments no slice reached (copies of the nearest level) lend nothing; a segment
/// without any curve stays unmeasured.
/// Sums run in segment order: the same inputs give the same map, bit for bit.
/// </summary>
public static class ActivationMap
{
    private static readonly int[][] NeighbourNumbers = [.. Enumerable.Range(0, 37).Select(n => n == 0
        ? Array.Empty<int>()
        : SegmentModels.ThirtySix.Neighbours(SegmentId.Of36(n)).Select(s => s.Number).Where(m => m is >= 1 and <= 36).Order().ToArray())];

    /// <summary>
    /// The segments with <see cref="SegmentStrain.TimeToPeakMs"/> replaced by the map value (their own time kept in
    /// <see cref="SegmentStrain.OwnTimeToPeakMs"/>); unchanged when <paramref name="neighbourWeight"/> is 0.
    /// </summary>
    /// <param name="segments">Segments 1-36 in order, <see cref="SegmentStrain.TimeToPeakMs"/> from each segment's own curve.</param>
    /// <param name="neighbourWeight">Weight of each neighbour relative to the segment itself (both also weighted by their shortening).</param>
    public static IReadOnlyList<SegmentStrain> Regularise(IReadOnlyList<SegmentStrain> segments, double neighbourWeight)
    {
        if (segments.Count != 36 || segments.Select((s, i) => s.Segment.Number != i + 1).Any(wrong => wrong))
        {
            throw new ArgumentException("the activation map needs segments 1-36 in order", nameof(segments));
        }
        if (neighbourWeight <= 0)
        {
            return segments;
        }
        return [.. segments.Select(s => s with { TimeToPeakMs = MapValue(s, segments, neighbourWeight) })];
    }

    /// <summary>How much a segment's own time counts: its peak shortening (%), nothing for a borrowed or untimed segment.</summary>
    public static double Confidence(SegmentStrain s) =>
        s.BorrowedFromNeighbourLevel || s.OwnTimeToPeakMs is null ? 0 : Math.Max(0, -s.PeakCircumferentialPercent);

    private static double? MapValue(SegmentStrain segment, IReadOnlyList<SegmentStrain> all, double neighbourWeight)
    {
        if (segment.OwnTimeToPeakMs is null)
        {
            // No curve at all: the rule excludes it as unmeasured rather than guessing from the neighbours.
            return null;
        }
        var own = Confidence(segment);
        var sum = own * segment.OwnTimeToPeakMs.Value;
        var total = own;
        foreach (var m in NeighbourNumbers[segment.Segment.Number])
        {
            var neighbour = all[m - 1];
            var weight = neighbourWeight * Confidence(neighbour);
            if (weight > 0)
            {
                sum += weight * neighbour.OwnTimeToPeakMs!.Value;
                total += weight;
            }
        }
        return total > 0 ? sum / total : segment.OwnTimeToPeakMs;
    }
}
