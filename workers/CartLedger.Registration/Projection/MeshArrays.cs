using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// A triangle mesh flattened into arrays once, so that the thousands of projections of one registration run over
/// contiguous memory instead of interface-typed lists. Coordinates are the model's own (mm); the pose is applied
/// through the projection matrix, never to the vertices. Open boundary loops are capped (see
/// <see cref="CapBoundaryLoops"/>), so the arrays may hold a few more vertices and triangles than <see cref="Source"/>.
/// </summary>
public sealed class MeshArrays
{
    /// <param name="mesh">The surface, model coordinates.</param>
    /// <param name="vertexWeights">Optional per-vertex weight (0..1) of the silhouette edges the vertex generates: how
    /// likely that part of the outline is to show as an edge in the X-ray (see Model.LeftVentricleVisibility).
    /// Null weighs every edge 1.</param>
    /// <param name="outlineOffsetMm">Moves every vertex this far along its (area-weighted) normal, outwards when
    /// positive: the X-ray shadow of a heart ends at the pericardium, a few mm outside the myocardium a CMR model
    /// describes (epicardial fat and pericardium).</param>
    public MeshArrays(TriangleMesh mesh, IReadOnlyList<double>? vertexWeights = null, double outlineOffsetMm = 0)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (vertexWeights is not null && vertexWeights.Count != mesh.Vertices.Count)
        {
            throw new ArgumentException($"{vertexWeights.Count} vertex weights for {mesh.Vertices.Count} vertices", nameof(vertexWeights));
        }
        if (mesh.TriangleCount == 0)
        {
            throw new ArgumentException("The mesh has no triangles.", nameof(mesh));
        }
        var vertices = mesh.Vertices.ToList();
        var indices = mesh.Indices.ToList();
        CapBoundaryLoops(vertices, indices);
        if (outlineOffsetMm != 0)
        {
            Offset(vertices, indices, outlineOffsetMm);
        }
        X = [.. vertices.Select(v => v.X)];
        Y = [.. vertices.Select(v => v.Y)];
        Z = [.. vertices.Select(v => v.Z)];
        Indices = [.. indices];
        // Cap vertices (added last) carry no edge of the real surface: weight 0.
        VertexWeights = vertexWeights is null ? null : [.. vertexWeights.Select(w => (float)Math.Clamp(w, 0, 1)), .. Enumerable.Repeat(0f, vertices.Count - mesh.Vertices.Count)];
        Centroid = mesh.Centroid();
        Source = mesh;
        (EdgeFrom, EdgeTo, EdgeLeft, EdgeRight) = ClosedEdges(Indices);
    }

    private static void Offset(List<Vec3> vertices, List<int> indices, double distanceMm)
    {
        var normals = new Vec3[vertices.Count];
        for (var t = 0; t < indices.Count; t += 3)
        {
            var (a, b, c) = (indices[t], indices[t + 1], indices[t + 2]);
            // The cross product's length is twice the area: an area-weighted sum.
            var n = (vertices[b] - vertices[a]).Cross(vertices[c] - vertices[a]);
            normals[a] += n;
            normals[b] += n;
            normals[c] += n;
        }
        for (var v = 0; v < vertices.Count; v++)
        {
            if (normals[v].LengthSquared > 0)
            {
                vertices[v] += normals[v].Normalized() * distanceMm;
            }
        }
    }

    /// <summary>
    /// Closes each simple boundary loop (an LV surface open at the base plane) with a fan to the loop's centroid, oriented
    /// like the surface. The silhouette does not change: a ray through the cap must leave through the surface, whose
    /// projection therefore already covers the cap's. It only lets the fast contour fill apply. Leaves the mesh alone
    /// when its boundary is not made of simple loops (then every triangle is filled).
    /// </summary>
    private static void CapBoundaryLoops(List<Vec3> vertices, List<int> indices)
    {
        var directed = new HashSet<(int, int)>();
        for (var t = 0; t < indices.Count; t += 3)
        {
            for (var e = 0; e < 3; e++)
            {
                if (!directed.Add((indices[t + e], indices[t + (e + 1) % 3])))
                {
                    return;
                }
            }
        }
        var next = new Dictionary<int, int>();
        for (var t = 0; t < indices.Count; t += 3)
        {
            for (var e = 0; e < 3; e++)
            {
                int a = indices[t + e], b = indices[t + (e + 1) % 3];
                if (!directed.Contains((b, a)) && !next.TryAdd(a, b))
                {
                    return;
                }
            }
        }
        var visited = new HashSet<int>();
        var caps = new List<int>();
        var capVertices = new List<Vec3>();
        // Loops in the order of their first vertex's index, so the caps are deterministic.
        foreach (var start in next.Keys.Order())
        {
            if (visited.Contains(start))
            {
                continue;
            }
            var loop = new List<int>();
            for (var v = start; visited.Add(v); v = next[v])
            {
                loop.Add(v);
                if (!next.ContainsKey(next[v]))
                {
                    return;
                }
            }
            if (loop[0] != loop[^1] && next[loop[^1]] != loop[0])
            {
                return;
            }
            var centre = vertices.Count + capVertices.Count;
            capVertices.Add(loop.Aggregate(Vec3.Zero, (sum, v) => sum + vertices[v]) / loop.Count);
            for (var i = 0; i < loop.Count; i++)
            {
                // The surface has the edge loop[i] -> loop[i+1]; the cap takes it the other way round.
                caps.AddRange([loop[(i + 1) % loop.Count], loop[i], centre]);
            }
        }
        vertices.AddRange(capVertices);
        indices.AddRange(caps);
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

    /// <summary>Per-vertex silhouette-edge weights (cap vertices 0), or null when every edge weighs 1.</summary>
    public float[]? VertexWeights { get; }

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
