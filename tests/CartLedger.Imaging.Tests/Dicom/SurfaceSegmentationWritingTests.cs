using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

public class SurfaceSegmentationWritingTests
{
    /// <summary>float32 coordinates of points within 300 mm of the origin keep ~3e-5 mm.</summary>
    private const double PointToleranceMm = 1e-3;

    private static SurfaceSegment[] TreatmentSurfaces()
    {
        var centre = new Vec3(25.5, -40.25, 130.125);
        var patch = new TriangleMesh([centre + new Vec3(30, 0, 0), centre + new Vec3(30, 10, 0), centre + new Vec3(30, 0, 10), centre + new Vec3(30, 10, 10)], [0, 1, 2, 2, 1, 3]);
        return
        [
            new(new SegmentDescription(1, "LV epicardium", SegmentationCodes.AnatomicalStructure, SegmentationCodes.LvEpicardium, new RgbColour(220, 120, 110)), new TriangleSurface(TestMeshes.Octahedron(centre, 30)), 0.6),
            new(new SegmentDescription(2, "Target area", SegmentationCodes.PlanningTarget, SegmentationCodes.LeadTargetArea, new RgbColour(40, 200, 80)), new TriangleSurface(patch)),
            new(new SegmentDescription(3, "Left phrenic nerve", SegmentationCodes.AnatomicalStructure, SegmentationCodes.PhrenicNerve, new RgbColour(250, 220, 0), "MANUAL", null),
                new PolylineSurface([centre + new Vec3(40, -20, 60), centre + new Vec3(42, -15, 30), centre + new Vec3(41, -10, 0), centre + new Vec3(38, -8, -30)])),
            new(new SegmentDescription(4, "CS ostium", SegmentationCodes.Landmark, SegmentationCodes.CoronarySinusOstium, new RgbColour(60, 120, 255), "MANUAL", null),
                new PointSetSurface([centre + new Vec3(-10, 15, -25)])),
        ];
    }

    [Fact]
    public void A_surface_segmentation_is_valid_and_reads_back_with_the_same_points_and_primitives()
    {
        var folder = RepoPaths.ScratchFolder("surface-seg");
        var lge = TestStudies.Series("surf", 4, "LGE");
        var source = DicomWriter.WriteMrImage(Path.Combine(folder, "lge.dcm"), new DicomInstance(lge, 1), new SliceImage(TestStudies.ObliquePlane(Vec3.Zero), TestStudies.Pattern(8, 8)));
        var series = lge with { SeriesInstanceUid = DicomUid.FromParts("surf", "treatment"), SeriesNumber = 50, Description = "CRT treatment surfaces" };
        var surfaces = TreatmentSurfaces();

        var written = DicomWriter.WriteSurfaceSegmentation(Path.Combine(folder, "treatment.dcm"), new DicomInstance(series, 1), new SegmentationContent("CRT_TREATMENT", "LV model, target, phrenic nerve, CS ostium"),
            surfaces, [SourceInstance.From(source)], new SurfaceAlgorithm("CartLedger epicardial lofting", "1.0"));

        var pydicom = DicomValidators.AssertValid(written.Path);
        var read = DicomSurfaceSegmentationReader.Read(written.Path);

        Assert.Equal(4, read.Surfaces.Count);
        var epicardium = read.SurfaceFor(1);
        Assert.Equal(("SURFACE", "YES", "YES"), (epicardium.PresentationType, epicardium.FiniteVolume, epicardium.Manifold));
        var original = ((TriangleSurface)surfaces[0].Shape).Mesh;
        Assert.Equal(original.Indices, epicardium.Triangles);
        Assert.All(original.Vertices.Zip(epicardium.Points), p => Assert.True(p.First.DistanceTo(p.Second) < PointToleranceMm));
        Assert.Equal(original.EnclosedVolumeMl(), epicardium.ToMesh().EnclosedVolumeMl(), 1e-3);
        Assert.Equal(0.6, epicardium.Opacity, 1e-6);
        Assert.Equal(("SURFACE", "NO", "YES"), (read.SurfaceFor(2).PresentationType, read.SurfaceFor(2).FiniteVolume, read.SurfaceFor(2).Manifold));
        var nerve = read.SurfaceFor(3);
        Assert.Equal("WIREFRAME", nerve.PresentationType);
        Assert.Equal([0, 1, 2, 3], Assert.Single(nerve.Lines));
        var ostium = read.SurfaceFor(4);
        Assert.Equal(("POINTS", 1), (ostium.PresentationType, ostium.Vertices.Count));
        Assert.True(ostium.Points[0].DistanceTo(((PointSetSurface)surfaces[3].Shape).Vertices[0]) < PointToleranceMm);
        Assert.Equal(["LV epicardium", "Target area", "Left phrenic nerve", "CS ostium"], read.Segments.Select(s => s.Label));
        var colour = read.Segments[2].Colour!.Value;
        Assert.True(Math.Abs(colour.R - 250) <= 1 && Math.Abs(colour.G - 220) <= 1 && colour.B <= 1);

        // pydicom reads the same coordinates and the 1-based indices.
        var surfaceItem = pydicom.Attributes.GetProperty("SurfaceSequence")[0];
        var coordinates = surfaceItem.GetProperty("SurfacePointsSequence")[0].GetProperty("PointCoordinatesData").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(original.Vertices.Count * 3, coordinates.Count);
        Assert.Equal(original.Vertices[2].Y, coordinates[7], 1e-3);
        var indices = surfaceItem.GetProperty("SurfaceMeshPrimitivesSequence")[0].GetProperty("LongTrianglePointIndexList").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal(original.Indices.Select(i => i + 1), indices);
        Assert.Equal(lge.FrameOfReferenceUid, pydicom.Text("FrameOfReferenceUID"));
        var imported = Assert.IsType<SurfaceSegmentationsContent>(DicomFolderReader.Read(folder).LoadedSeries(series.SeriesInstanceUid)!.Content);
        Assert.Equal(4, Assert.Single(imported.Surfaces).Surfaces.Count);
    }

    [Fact]
    public void Writing_the_same_surfaces_twice_gives_the_same_bytes()
    {
        var folder = RepoPaths.ScratchFolder("surface-deterministic");
        var instance = new DicomInstance(TestStudies.Series("surf", 50, "treatment"), 1);
        string Write(string name) => DicomWriter.WriteSurfaceSegmentation(Path.Combine(folder, name), instance, new SegmentationContent("CRT_TREATMENT"), TreatmentSurfaces(), [], new SurfaceAlgorithm("a", "1")).Path;

        Assert.Equal(File.ReadAllBytes(Write("a.dcm")), File.ReadAllBytes(Write("b.dcm")));
    }

    [Fact]
    public void A_surface_with_a_non_finite_point_is_refused_and_nothing_is_written()
    {
        var folder = RepoPaths.ScratchFolder("surface-bad");
        var bad = new SurfaceSegment(new SegmentDescription(1, "X", SegmentationCodes.Landmark, SegmentationCodes.CoronarySinusOstium, RgbColour.White), new PointSetSurface([new Vec3(double.NaN, 0, 0)]));

        var error = Assert.Throws<ArgumentException>(() => DicomWriter.WriteSurfaceSegmentation(Path.Combine(folder, "x.dcm"), new DicomInstance(TestStudies.Series("surf", 50), 1), new SegmentationContent("X"), [bad], [], new SurfaceAlgorithm("x", "1")));

        Assert.Contains("not finite", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
