using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Meshes;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Meshes;

public class MeshFileTests
{
    /// <summary>Binary STL stores float32: coordinates near 100 mm keep ~1e-5 mm.</summary>
    private const double FloatToleranceMm = 1e-4;

    private static readonly Vec3 Centre = new(12.125, -47.5, 131.0625);

    [Fact]
    public void A_VTK_polydata_round_trips_points_triangles_lines_vertices_and_scalars_exactly()
    {
        var octahedron = TestMeshes.Octahedron(Centre, 25);
        var points = octahedron.Vertices.Append(Centre + new Vec3(40, 0, 0)).Append(Centre + new Vec3(41, 3, -2)).ToList();
        var mesh = new MeshData(points, octahedron.Indices, [[6, 7]], [6], new Dictionary<string, IReadOnlyList<double>>
        {
            ["segment"] = [1, 2, 3, 4, 5, 6, 0, 0],
            ["ttp_ms"] = [310.25, 295.5, 402.125, 1e-3, 0, -1, 7, 8],
        });
        var path = Path.Combine(RepoPaths.ScratchFolder("vtk"), "lv.vtk");

        VtkPolyDataFile.Write(path, mesh);
        var read = MeshFiles.Read(path);

        Assert.Equal(mesh.Points, read.Points);
        Assert.Equal(mesh.Triangles, read.Triangles);
        Assert.Equal([6, 7], Assert.Single(read.Lines));
        Assert.Equal([6], read.Vertices);
        Assert.Equal(mesh.PointScalars["ttp_ms"], read.PointScalars["ttp_ms"]);
        Assert.Contains("SPACE=LPS", File.ReadLines(path).ElementAt(1), StringComparison.Ordinal);
    }

    [Fact]
    public void A_VTK_5_1_file_with_offsets_and_connectivity_reads_with_quads_triangulated()
    {
        var path = Path.Combine(RepoPaths.ScratchFolder("vtk51"), "slicer.vtk");
        File.WriteAllText(path, """
            # vtk DataFile Version 5.1
            vtk output
            ASCII
            DATASET POLYDATA
            POINTS 4 float
            0 0 0 1 0 0 1 1 0
            0 1 0
            POLYGONS 2 4
            OFFSETS vtktypeint64
            0 4
            CONNECTIVITY vtktypeint64
            0 1 2 3

            """);

        var read = VtkPolyDataFile.Read(path);

        Assert.Equal([0, 1, 2, 0, 2, 3], read.Triangles);
        Assert.Equal(1.0, read.ToTriangleMesh().AreaMm2(), 1e-12);
    }

    [Fact]
    public void A_binary_STL_round_trips_the_surface_and_rebuilds_shared_points()
    {
        var octahedron = TestMeshes.Octahedron(Centre, 25);
        var path = Path.Combine(RepoPaths.ScratchFolder("stl"), "lv.stl");

        MeshFiles.Write(path, MeshData.From(octahedron));
        var read = MeshFiles.Read(path).ToTriangleMesh();

        Assert.Equal(6, read.Vertices.Count);
        Assert.Equal(8, read.TriangleCount);
        Assert.Equal(octahedron.EnclosedVolumeMl(), read.EnclosedVolumeMl(), 1e-5);
        Assert.All(Enumerable.Range(0, 8), t => Assert.True(octahedron.Triangle(t).A.DistanceTo(read.Triangle(t).A) < FloatToleranceMm));
        Assert.Equal(84 + 50 * 8, new FileInfo(path).Length);
    }

    [Fact]
    public void An_ASCII_STL_reads_into_the_same_mesh()
    {
        var path = Path.Combine(RepoPaths.ScratchFolder("stl-ascii"), "tetra.stl");
        File.WriteAllText(path, """
            solid tetra
              facet normal 0 0 -1
                outer loop
                  vertex 0 0 0
                  vertex 0 10 0
                  vertex 10 0 0
                endloop
              endfacet
              facet normal 0 -1 0
                outer loop
                  vertex 0 0 0
                  vertex 10 0 0
                  vertex 0 0 10
                endloop
              endfacet
              facet normal -1 0 0
                outer loop
                  vertex 0 0 0
                  vertex 0 0 10
                  vertex 0 10 0
                endloop
              endfacet
              facet normal 1 1 1
                outer loop
                  vertex 10 0 0
                  vertex 0 10 0
                  vertex 0 0 10
                endloop
              endfacet
            endsolid tetra
            """);

        var mesh = StlFile.Read(path).ToTriangleMesh();

        Assert.Equal(4, mesh.Vertices.Count);
        Assert.Equal(1000.0 / 6 / 1000, mesh.EnclosedVolumeMl(), 1e-9);
    }

    [Fact]
    public void An_OBJ_round_trips_and_reads_quads_negative_indices_and_slashed_faces()
    {
        var folder = RepoPaths.ScratchFolder("obj");
        var octahedron = TestMeshes.Octahedron(Centre, 25);
        var path = Path.Combine(folder, "lv.obj");
        MeshFiles.Write(path, MeshData.From(octahedron));
        var read = MeshFiles.Read(path);
        Assert.Equal(octahedron.Vertices, read.Points);
        Assert.Equal(octahedron.Indices, read.Triangles);

        var other = Path.Combine(folder, "quad.obj");
        File.WriteAllText(other, "v 0 0 0\nv 2 0 0\nv 2 2 0\nv 0 2 0\nf 1/1/1 2/2/1 3/3/1 -1\nl 1 3\n");
        var quad = ObjFile.Read(other);
        Assert.Equal([0, 1, 2, 0, 2, 3], quad.Triangles);
        Assert.Equal([0, 2], Assert.Single(quad.Lines));
    }

    [Fact]
    public void A_mesh_file_with_an_index_outside_its_points_is_refused_naming_the_file()
    {
        var path = Path.Combine(RepoPaths.ScratchFolder("obj-bad"), "bad.obj");
        File.WriteAllText(path, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 7\n");

        var error = Assert.Throws<InvalidDataException>(() => MeshFiles.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("point index 6 is outside the 3 points", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown mesh format", Assert.Throws<InvalidDataException>(() => MeshFiles.Read("x.ply")).Message, StringComparison.Ordinal);
    }
}
