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
}
