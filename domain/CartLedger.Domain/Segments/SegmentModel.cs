namespace CartLedger.Domain.Segments;

/// <summary>
/// One segment model as data: its segments (numbered ones in order, then the apical cap for the 18- and 36-segment
/// models) and the adjacency graph derived from their geometry, with all-pairs graph distances precomputed for both
/// <see cref="AdjacencyRule"/>s. Immutable; get instances from <see cref="SegmentModels"/>.
/// </summary>
public sealed class SegmentModel
{
    private readonly Dictionary<int, int> _indexByNumber;
    private readonly int[][,] _distances;

    internal SegmentModel(SegmentModelKind kind, IReadOnlyList<SegmentInfo> segments)
    {
        Kind = kind;
        Segments = segments;
        _indexByNumber = segments.Select((s, i) => (s.Id.Number, i)).ToDictionary(p => p.Number, p => p.i);
        _distances = [Distances(AdjacencyRule.SharedEdge), Distances(AdjacencyRule.SharedEdgeOrCorner)];
    }

    public SegmentModelKind Kind { get; }

    /// <summary>Every segment, the apical cap included (last).</summary>
    public IReadOnlyList<SegmentInfo> Segments { get; }

    /// <summary>The ring segments (every segment but the apical cap).</summary>
    public IEnumerable<SegmentInfo> RingSegments => Segments.Where(s => !s.IsApicalCap);

    public SegmentInfo this[SegmentId id] => Segments[IndexOf(id)];

    public SegmentInfo this[int number] => this[new SegmentId(Kind, number)];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are distinct and adjacent under <paramref name="rule"/>.</summary>
    public bool AreAdjacent(SegmentId a, SegmentId b, AdjacencyRule rule = AdjacencyRule.SharedEdge) => GraphDistance(a, b, rule) == 1;

    /// <summary>The neighbours of a segment, in model order.</summary>
    public IReadOnlyList<SegmentId> Neighbours(SegmentId id, AdjacencyRule rule = AdjacencyRule.SharedEdge) =>
        [.. Segments.Where(s => GraphDistance(id, s.Id, rule) == 1).Select(s => s.Id)];

    /// <summary>Number of adjacency steps between two segments (0 for the same segment).</summary>
    public int GraphDistance(SegmentId a, SegmentId b, AdjacencyRule rule = AdjacencyRule.SharedEdge) =>
        _distances[(int)rule][IndexOf(a), IndexOf(b)];

    private int IndexOf(SegmentId id)
    {
        id.Require(Kind, nameof(id));
        return _indexByNumber[id.Number];
    }

    private static bool Adjacent(SegmentInfo a, SegmentInfo b, AdjacencyRule rule)
    {
        if (a.Id == b.Id)
        {
            return false;
        }
        if (a.IsApicalCap || b.IsApicalCap)
        {
            return (a.IsApicalCap ? b : a).Level == SegmentLevel.Apical;
        }
        var levelStep = Math.Abs((int)a.Level - (int)b.Level);
        return levelStep switch
        {
            0 => a.Range.Touches(b.Range),
            1 => a.Range.OverlapDeg(b.Range) > 0 || (rule == AdjacencyRule.SharedEdgeOrCorner && a.Range.Touches(b.Range)),
            _ => false,
        };
    }

    private int[,] Distances(AdjacencyRule rule)
    {
        var n = Segments.Count;
        var distance = new int[n, n];
        for (var source = 0; source < n; source++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[source, j] = int.MaxValue;
            }
            distance[source, source] = 0;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                for (var next = 0; next < n; next++)
                {
                    if (distance[source, next] == int.MaxValue && Adjacent(Segments[current], Segments[next], rule))
                    {
                        distance[source, next] = distance[source, current] + 1;
                        queue.Enqueue(next);
                    }
                }
            }
        }
        return distance;
    }
}
