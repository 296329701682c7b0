using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The shape of one surface in a Surface Segmentation. Each is encoded with the Surface Mesh module's own
/// primitive (PS3.3 C.27.4): triangles for meshes, a line for polylines, vertices for point sets, so points
/// and lines stay exact points and lines rather than small closed meshes.
/// </summary>
public abstract record SurfaceShape
{
    public abstract IReadOnlyList<Vec3> Points { get; }
}

/// <summary>A triangle mesh (LV epicardium, scar, target patch); whether it is closed and manifold is computed.</summary>
public sealed record TriangleSurface(TriangleMesh Mesh) : SurfaceShape
{
    public override IReadOnlyList<Vec3> Points => Mesh.Vertices;
}

/// <summary>An ordered polyline (e.g. the left phrenic nerve course), drawn as a wireframe.</summary>
public sealed record PolylineSurface(IReadOnlyList<Vec3> Line) : SurfaceShape
{
    public override IReadOnlyList<Vec3> Points => Line;
}

/// <summary>Unconnected points (e.g. the coronary sinus ostium, landmarks), drawn as points.</summary>
public sealed record PointSetSurface(IReadOnlyList<Vec3> Vertices) : SurfaceShape
{
    public override IReadOnlyList<Vec3> Points => Vertices;
}

/// <summary>One segment of a Surface Segmentation and its surface.</summary>
/// <param name="Segment">Number, label, codes, colour and algorithm of the segment.</param>
/// <param name="Shape">Its geometry in patient LPS, mm.</param>
/// <param name="Opacity">RecommendedPresentationOpacity (0066,000C), 0..1.</param>
public sealed record SurfaceSegment(SegmentDescription Segment, SurfaceShape Shape, double Opacity = 1.0);

/// <summary>An instance a segmentation was made from, for references.</summary>
public sealed record SourceInstance(string SopClassUid, string SopInstanceUid, string SeriesInstanceUid)
{
    public static SourceInstance From(WrittenInstance written) => new(written.SopClassUid, written.SopInstanceUid, written.SeriesInstanceUid);

    public static SourceInstance From(SegmentationSource source) => new(source.SopClassUid, source.SopInstanceUid, source.SeriesInstanceUid);
}

/// <summary>The algorithm that generated the surfaces (Segment Surface Generation Algorithm Identification).</summary>
public sealed record SurfaceAlgorithm(string Name, string Version, string Parameters = "");
