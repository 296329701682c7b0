using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// A triangle mesh flattened into arrays once, so that the thousands of projections of one registration run over
/// contiguous memory instead of interface-typed lists. Coordinates are the model's own (mm); the pose is applied
/// through the projection matrix, never to the vertices.
/// </summary>
public sealed class MeshArrays
{
    public MeshArrays(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.TriangleCount == 0)
        {
            throw new ArgumentException("The mesh has no triangles.", nameof(mesh));
        }
        var n = mesh.Vertices.Count;
        X = new double[n];
        Y = new double[n];
        Z = new double[n];
        for (var i = 0; i < n; i++)
        {
            (X[i], Y[i], Z[i]) = (mesh.Vertices[i].X, mesh.Vertices[i].Y, mesh.Vertices[i].Z);
        }
        Indices = [.. mesh.Indices];
        Centroid = mesh.Centroid();
        Source = mesh;
        (EdgeFrom, EdgeTo, EdgeLeft, EdgeRight) = ClosedEdges(Indices);
    }

    public double[] X { get; }
    public double[] Y { get; }
    public double[] Z { get; }
    public int[] Indices { get; }
    public int VertexCount => X.Length;
    public int TriangleCount => Indices.Length / 3;

    /// <summary>Mean of the vertices (model coordinates): the default rotation centre of in-plane registration.</summary>
    public Vec3 Centroid { get; }

    public TriangleMesh Source { get; }

    /// <summary>
    /// True when every directed edge occurs exactly once and its reverse exactly once: a closed surface with consistent
    /// orientation. Then its silhouette is the region that the triangles of one projected orientation cover, whose
    /// boundary is made of the contour edges alone; the rasteriser fills it from those few edges.
    /// </summary>
    public bool IsClosedAndOriented => EdgeFrom.Length > 0;

    /// <summary>For a closed, oriented mesh: each undirected edge once, as From -> To in triangle Left and To -> From in Right.</summary>
    public int[] EdgeFrom { get; }
    public int[] EdgeTo { get; }
    public int[] EdgeLeft { get; }
    public int[] EdgeRight { get; }

    private static (int[], int[], int[], int[]) ClosedEdges(int[] indices)
    {
        var owner = new Dictionary<(int, int), int>();
        for (var t = 0; t < indices.Length; t += 3)
        {
            for (var e = 0; e < 3; e++)
            {
                if (!owner.TryAdd((indices[t + e], indices[t + (e + 1) % 3]), t / 3))
                {
                    return ([], [], [], []);
                }
            }
        }
        var from = new List<int>();
        var to = new List<int>();
        var left = new List<int>();
        var right = new List<int>();
        // Walk the triangles in order (not the dictionary) so the edge order is deterministic.
        for (var t = 0; t < indices.Length; t += 3)
        {
            for (var e = 0; e < 3; e++)
            {
                int a = indices[t + e], b = indices[t + (e + 1) % 3];
                if (!owner.TryGetValue((b, a), out var other))
                {
                    return ([], [], [], []);
                }
                if (a < b)
                {
                    from.Add(a);
                    to.Add(b);
                    left.Add(t / 3);
                    right.Add(other);
                }
            }
        }
        return ([.. from], [.. to], [.. left], [.. right]);
    }
}
