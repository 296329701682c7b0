using System.Buffers.Binary;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// One surface read back from a Surface Segmentation: points (LPS mm) and the primitives over them, with
/// 0-based indices (the file's are 1-based).
/// </summary>
public sealed record SurfaceRead(
    int SurfaceNumber,
    string PresentationType,
    RgbColour? Colour,
    double Opacity,
    string FiniteVolume,
    string Manifold,
    IReadOnlyList<Vec3> Points,
    IReadOnlyList<int> Triangles,
    IReadOnlyList<IReadOnlyList<int>> Lines,
    IReadOnlyList<int> Vertices)
{
    /// <summary>The triangles as a mesh (empty when the surface has none).</summary>
    public TriangleMesh ToMesh() => new(Points, Triangles);
}

/// <summary>A Surface Segmentation read back: segments, surfaces, and which surface each segment uses.</summary>
public sealed record DicomSurfaceSegmentation(DicomHeader Header, IReadOnlyList<SegmentInfo> Segments, IReadOnlyList<SurfaceRead> Surfaces, IReadOnlyDictionary<int, int> SurfaceOfSegment)
{
    public SurfaceRead SurfaceFor(int segmentNumber) => Surfaces.First(s => s.SurfaceNumber == SurfaceOfSegment[segmentNumber]);
}

/// <summary>Reads Surface Segmentation objects (PS3.3 A.57, C.27): 32-bit (OL) and 16-bit (OW) index lists.</summary>
public static class DicomSurfaceSegmentationReader
{
    public static DicomSurfaceSegmentation Read(string path, DicomReadOptions? options = null)
    {
        var result = DicomReader.ReadFile(path, options);
        return FromHeader(result.Header ?? throw new DicomReadException(result.Problem ?? new DicomProblem(path, null, "not readable")));
    }

    /// <summary>A Surface Segmentation already read (e.g. by a folder import).</summary>
    public static DicomSurfaceSegmentation FromHeader(DicomHeader header)
    {
        var path = header.Path;
        if (header.SopClassUid != SopClasses.SurfaceSegmentation)
        {
            throw new DicomReadException(new DicomProblem(path, DicomTags.SOPClassUID, $"is {SopClasses.NameOf(header.SopClassUid)}, not a Surface Segmentation"));
        }
        var surfaces = header.Attributes.Items(DicomTags.SurfaceSequence).Select(item => Surface(path, item)).ToList();
        var mapping = new Dictionary<int, int>();
        foreach (var segment in header.Attributes.Items(DicomTags.SegmentSequence))
        {
            var number = DicomHeader.Integer(segment, DicomTags.SegmentNumber) ?? 0;
            if (segment.FirstItem(DicomTags.ReferencedSurfaceSequence) is { } reference && DicomHeader.Integer(reference, DicomTags.ReferencedSurfaceNumber) is { } surface)
            {
                mapping[number] = surface;
            }
        }
        return new DicomSurfaceSegmentation(header, SegmentInfo.From(header.Attributes), surfaces, mapping);
    }

    private static SurfaceRead Surface(string path, DicomAttributes item)
    {
        var pointsItem = item.FirstItem(DicomTags.SurfacePointsSequence)
            ?? throw new DicomReadException(new DicomProblem(path, DicomTags.SurfacePointsSequence, "missing"));
        var coordinates = pointsItem[DicomTags.PointCoordinatesData]?.Bytes
            ?? throw new DicomReadException(new DicomProblem(path, DicomTags.PointCoordinatesData, "missing"));
        var count = DicomHeader.Integer(pointsItem, DicomTags.NumberOfSurfacePoints) ?? coordinates.Length / 12;
        if (coordinates.Length < count * 12)
        {
            throw new DicomReadException(new DicomProblem(path, DicomTags.PointCoordinatesData, $"holds {coordinates.Length / 12} points, NumberOfSurfacePoints says {count}"));
        }
        var points = new Vec3[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = new Vec3(
                BinaryPrimitives.ReadSingleLittleEndian(coordinates.AsSpan(12 * i)),
                BinaryPrimitives.ReadSingleLittleEndian(coordinates.AsSpan(12 * i + 4)),
                BinaryPrimitives.ReadSingleLittleEndian(coordinates.AsSpan(12 * i + 8)));
        }
        var primitives = item.FirstItem(DicomTags.SurfaceMeshPrimitivesSequence) ?? DicomAttributes.Empty;
        var triangles = Indices(path, primitives, DicomTags.LongTrianglePointIndexList, count) ?? Indices(path, primitives, DicomTags.TrianglePointIndexList, count) ?? [];
        var lines = primitives.Items(DicomTags.LineSequence).Select(l => (IReadOnlyList<int>)(Indices(path, l, DicomTags.LongPrimitivePointIndexList, count) ?? [])).ToList();
        var vertices = Indices(path, primitives, DicomTags.LongVertexPointIndexList, count) ?? [];
        return new SurfaceRead(
            DicomHeader.Integer(item, DicomTags.SurfaceNumber) ?? 0,
            item.Text(DicomTags.RecommendedPresentationType) ?? "",
            CieLab.Parse(item.Text(DicomTags.RecommendedDisplayCIELabValue)),
            DicomHeader.Decimal(item, DicomTags.RecommendedPresentationOpacity) ?? 1,
            item.Text(DicomTags.FiniteVolume) ?? "",
            item.Text(DicomTags.Manifold) ?? "",
            points,
            triangles,
            lines,
            vertices);
    }

    /// <summary>A 1-based index list (32-bit OL or 16-bit OW) as 0-based indices, each checked against the point count.</summary>
    private static int[]? Indices(string path, DicomAttributes item, DicomTag tag, int pointCount)
    {
        if (item[tag]?.Bytes is not { } bytes)
        {
            return null;
        }
        var wide = item[tag]!.Vr == "OL" || tag != DicomTags.TrianglePointIndexList;
        var size = wide ? 4 : 2;
        var indices = new int[bytes.Length / size];
        for (var i = 0; i < indices.Length; i++)
        {
            var oneBased = wide ? (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(size * i)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(size * i));
            if (oneBased < 1 || oneBased > pointCount)
            {
                throw new DicomReadException(new DicomProblem(path, tag, $"index {oneBased} is outside 1..{pointCount} (indices are 1-based)"));
            }
            indices[i] = (int)oneBased - 1;
        }
        return indices;
    }
}
