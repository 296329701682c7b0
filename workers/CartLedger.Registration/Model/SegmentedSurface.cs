using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.LeadMeasurement;

namespace CartLedger.Registration.Model;

/// <summary>
/// The epicardial surface in model coordinates with the segment and the scar state of every vertex: what the lead
/// measurement needs from the plan.
/// </summary>
public sealed class SegmentedSurface
{
    public SegmentedSurface(TriangleMesh mesh, IReadOnlyList<SegmentLocation> vertexSegments, IReadOnlyList<bool> vertexScar)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (vertexSegments.Count != mesh.Vertices.Count || vertexScar.Count != mesh.Vertices.Count)
        {
            throw new ArgumentException($"{mesh.Vertices.Count} vertices but {vertexSegments.Count} segments and {vertexScar.Count} scar flags");
        }
        Mesh = mesh;
        VertexSegments = vertexSegments;
        VertexScar = vertexScar;
    }

    public TriangleMesh Mesh { get; }
    public IReadOnlyList<SegmentLocation> VertexSegments { get; }
    public IReadOnlyList<bool> VertexScar { get; }

    /// <summary>Labels every vertex from the LV frame; a vertex is scar when its 36-segment is among <paramref name="scarSegments36"/>.</summary>
    public static SegmentedSurface FromFrame(TriangleMesh mesh, LvFrame frame, IEnumerable<SegmentId> scarSegments36)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var scar = scarSegments36.ToHashSet();
        var segments = mesh.Vertices.Select(frame.Locate).ToArray();
        return new SegmentedSurface(mesh, segments, [.. segments.Select(s => scar.Contains(s.Segment36))]);
    }

    /// <summary>The point of the surface nearest to <paramref name="modelPoint"/> and the vertex that dominates it.</summary>
    public (Vec3 Point, int Vertex, double DistanceMm) Nearest(Vec3 modelPoint)
    {
        var best = (Point: Vec3.Zero, Vertex: -1, Distance2: double.PositiveInfinity);
        var indices = Mesh.Indices;
        for (var t = 0; t < Mesh.TriangleCount; t++)
        {
            var (a, b, c) = Mesh.Triangle(t);
            var (point, weights) = ClosestPoint.OnTriangle(modelPoint, a, b, c);
            var d2 = (point - modelPoint).LengthSquared;
            if (d2 < best.Distance2)
            {
                var corner = weights.X >= weights.Y && weights.X >= weights.Z ? 0 : weights.Y >= weights.Z ? 1 : 2;
                best = (point, indices[3 * t + corner], d2);
            }
        }
        return (best.Point, best.Vertex, Math.Sqrt(best.Distance2));
    }

    /// <summary>The smallest distance from <paramref name="point"/> to a vertex satisfying <paramref name="include"/>; null when none does.</summary>
    public double? DistanceToVertices(Vec3 point, Func<int, bool> include)
    {
        double? best = null;
        for (var v = 0; v < Mesh.Vertices.Count; v++)
        {
            if (include(v))
            {
                var d = Mesh.Vertices[v].DistanceTo(point);
                best = best is null ? d : Math.Min(best.Value, d);
            }
        }
        return best;
    }
}
