namespace CartLedger.Imaging.Geometry;

/// <summary>
/// A triangle surface in patient LPS (mm). Triangles are index triples into <see cref="Vertices"/>,
/// counter-clockwise seen from outside (normals point outwards for closed surfaces).
/// </summary>
public sealed class TriangleMesh
{
    public TriangleMesh(IReadOnlyList<Vec3> vertices, IReadOnlyList<int> indices)
    {
        if (indices.Count % 3 != 0)
        {
            throw new ArgumentException($"Triangle indices come in threes, got {indices.Count}.", nameof(indices));
        }
        foreach (var index in indices)
        {
            if (index < 0 || index >= vertices.Count)
            {
                throw new ArgumentException($"Triangle index {index} is outside the {vertices.Count} vertices.", nameof(indices));
            }
        }
        Vertices = vertices;
        Indices = indices;
    }

    public IReadOnlyList<Vec3> Vertices { get; }
    public IReadOnlyList<int> Indices { get; }
    public int TriangleCount => Indices.Count / 3;

    public (Vec3 A, Vec3 B, Vec3 C) Triangle(int t) => (Vertices[Indices[3 * t]], Vertices[Indices[3 * t + 1]], Vertices[Indices[3 * t + 2]]);

    public Vec3 Centroid()
    {
        var sum = Vec3.Zero;
        foreach (var v in Vertices)
        {
            sum += v;
        }
        return Vertices.Count == 0 ? Vec3.Zero : sum / Vertices.Count;
    }

    /// <summary>Total surface area, mm^2.</summary>
    public double AreaMm2()
    {
        double area = 0;
        for (var t = 0; t < TriangleCount; t++)
        {
            var (a, b, c) = Triangle(t);
            area += 0.5 * (b - a).Cross(c - a).Length;
        }
        return area;
    }

    /// <summary>Enclosed volume of a closed, outward-oriented surface, ml (divergence theorem).</summary>
    public double EnclosedVolumeMl()
    {
        double sixV = 0;
        for (var t = 0; t < TriangleCount; t++)
        {
            var (a, b, c) = Triangle(t);
            sixV += a.Dot(b.Cross(c));
        }
        return sixV / 6.0 / 1000.0;
    }

    public TriangleMesh Transformed(RigidTransform pose) => new(Vertices.Select(pose.Apply).ToArray(), Indices);
}
