using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Meshes;

/// <summary>
/// What a mesh file holds, in patient LPS mm: points, triangles (index triples), polylines, lone vertices and
/// named per-point scalars (e.g. "segment", "ttp_ms", "transmurality"). Files are marked SPACE=LPS the way
/// 3D Slicer marks its own, so Slicer places them correctly.
/// </summary>
public sealed record MeshData(
    IReadOnlyList<Vec3> Points,
    IReadOnlyList<int> Triangles,
    IReadOnlyList<IReadOnlyList<int>> Lines,
    IReadOnlyList<int> Vertices,
    IReadOnlyDictionary<string, IReadOnlyList<double>> PointScalars)
{
    public static MeshData From(TriangleMesh mesh, IReadOnlyDictionary<string, IReadOnlyList<double>>? pointScalars = null) =>
        new(mesh.Vertices, mesh.Indices, [], [], pointScalars ?? new Dictionary<string, IReadOnlyList<double>>());

    public static MeshData Polyline(IReadOnlyList<Vec3> points) =>
        new(points, [], [Enumerable.Range(0, points.Count).ToList()], [], new Dictionary<string, IReadOnlyList<double>>());

    public static MeshData PointSet(IReadOnlyList<Vec3> points) =>
        new(points, [], [], Enumerable.Range(0, points.Count).ToList(), new Dictionary<string, IReadOnlyList<double>>());

    /// <summary>The triangles as a <see cref="TriangleMesh"/> (throws for a file whose indices are out of range).</summary>
    public TriangleMesh ToTriangleMesh() => new(Points, Triangles);

    internal void Check(string file)
    {
        if (Triangles.Count % 3 != 0)
        {
            throw new InvalidDataException($"{file}: {Triangles.Count} triangle indices is not a multiple of 3");
        }
        foreach (var index in Triangles.Concat(Lines.SelectMany(l => l)).Concat(Vertices))
        {
            if (index < 0 || index >= Points.Count)
            {
                throw new InvalidDataException($"{file}: point index {index} is outside the {Points.Count} points");
            }
        }
        foreach (var (name, values) in PointScalars)
        {
            if (values.Count != Points.Count)
            {
                throw new InvalidDataException($"{file}: scalar array '{name}' has {values.Count} values for {Points.Count} points");
            }
        }
    }
}

/// <summary>Reads and writes mesh files by extension: .vtk (legacy POLYDATA), .stl (binary; ASCII read too), .obj.</summary>
public static class MeshFiles
{
    public static MeshData Read(string path) => Extension(path) switch
    {
        ".vtk" => VtkPolyDataFile.Read(path),
        ".stl" => StlFile.Read(path),
        ".obj" => ObjFile.Read(path),
        var other => throw new InvalidDataException($"{path}: unknown mesh format '{other}' (use .vtk, .stl or .obj)"),
    };

    public static void Write(string path, MeshData mesh)
    {
        switch (Extension(path))
        {
            case ".vtk": VtkPolyDataFile.Write(path, mesh); break;
            case ".stl": StlFile.Write(path, mesh); break;
            case ".obj": ObjFile.Write(path, mesh); break;
            case var other: throw new ArgumentException($"{path}: unknown mesh format '{other}' (use .vtk, .stl or .obj)", nameof(path));
        }
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
