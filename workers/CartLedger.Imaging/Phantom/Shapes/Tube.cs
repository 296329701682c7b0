using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>
/// A tube along a polyline with a radius at every node (vessels, ribs, leads, nerves): the union of capsules
/// (cones with rounded ends) between consecutive nodes. Distance = min over segments of the distance to the axis
/// minus the interpolated radius.
/// </summary>
public sealed class Tube : Shape
{
    private readonly Vec3[] _nodes;
    private readonly double[] _radii;
    private readonly Aabb[] _segmentBounds;

    public Tube(IReadOnlyList<Vec3> nodes, IReadOnlyList<double> radiiMm)
    {
        if (nodes.Count < 2 || radiiMm.Count != nodes.Count)
        {
            throw new ArgumentException($"A tube needs at least 2 nodes and one radius per node (got {nodes.Count} nodes, {radiiMm.Count} radii).");
        }
        _nodes = [.. nodes];
        _radii = [.. radiiMm];
        _segmentBounds = new Aabb[_nodes.Length - 1];
        for (var s = 0; s < _segmentBounds.Length; s++)
        {
            var r = Math.Max(_radii[s], _radii[s + 1]) + BoundsMarginMm;
            _segmentBounds[s] = Aabb.Of([_nodes[s], _nodes[s + 1]]).Grown(r);
        }
        Bounds = _segmentBounds.Aggregate((a, b) => a.Union(b));
    }

    public Tube(IReadOnlyList<Vec3> nodes, double radiusMm) : this(nodes, nodes.Select(_ => radiusMm).ToArray())
    {
    }

    public IReadOnlyList<Vec3> Nodes => _nodes;
    public IReadOnlyList<double> Radii => _radii;
    public int SegmentCount => _segmentBounds.Length;
    public override Aabb Bounds { get; }

    /// <summary>The bounds of segment <paramref name="s"/> (the painter visits only these for thin, long tubes).</summary>
    public Aabb SegmentBounds(int s) => _segmentBounds[s];

    public override double SignedDistanceMm(Vec3 p)
    {
        var best = double.PositiveInfinity;
        for (var s = 0; s < _segmentBounds.Length; s++)
        {
            if (_segmentBounds[s].Contains(p))
            {
                best = Math.Min(best, SegmentDistance(s, p));
            }
        }
        return double.IsPositiveInfinity(best) ? BoundsMarginMm * 4 : best;
    }

    /// <summary>True when <paramref name="p"/> lies in the bounds of some segment (cheap rejection for composite structures).</summary>
    public bool NearSegments(Vec3 p)
    {
        if (!Bounds.Contains(p))
        {
            return false;
        }
        foreach (var box in _segmentBounds)
        {
            if (box.Contains(p))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Signed distance to the capsule of segment <paramref name="s"/> alone.</summary>
    public double SegmentDistance(int s, Vec3 p)
    {
        var a = _nodes[s];
        var ab = _nodes[s + 1] - a;
        var t = Math.Clamp((p - a).Dot(ab) / Math.Max(ab.LengthSquared, 1e-12), 0.0, 1.0);
        var radius = _radii[s] + (_radii[s + 1] - _radii[s]) * t;
        return (p - (a + ab * t)).Length - radius;
    }

    /// <summary>Arc length from the first node to the last, mm.</summary>
    public double LengthMm()
    {
        double length = 0;
        for (var s = 0; s < _segmentBounds.Length; s++)
        {
            length += _nodes[s].DistanceTo(_nodes[s + 1]);
        }
        return length;
    }
}
