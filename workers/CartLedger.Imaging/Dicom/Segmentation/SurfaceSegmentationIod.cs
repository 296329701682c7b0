using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The Surface Segmentation IOD (PS3.3 A.57) with the Surface Mesh module (C.27): one surface per segment.
/// Points are float32 LPS mm (Point Coordinates Data, OF); primitives use the 32-bit index lists (OL), whose
/// indices are 1-based (PS3.3 C.27.4: index 1 is the first point), so meshes are not limited to 65535 points.
/// </summary>
internal static class SurfaceSegmentationIod
{
    public static (DicomDataSet DataSet, string SopInstanceUid) Build(DicomInstance instance, SegmentationContent content, IReadOnlyList<SurfaceSegment> surfaces, IReadOnlyList<SourceInstance> sources, SurfaceAlgorithm algorithm)
    {
        Check(surfaces);
        var surfaceItems = new List<DicomDataSet>();
        var segmentItems = new List<DicomDataSet>();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < surfaces.Count; i++)
        {
            var surface = surfaces[i];
            var number = i + 1;
            var points = PointBytes(surface.Shape.Points);
            digest.AppendData(points);
            surfaceItems.Add(SurfaceItem(number, surface, points));
            segmentItems.Add(surface.Segment.ToItem()
                .Numbers(DicomTags.SurfaceCount, 1)
                .Sequence(DicomTags.ReferencedSurfaceSequence, new DicomDataSet()
                    .Numbers(DicomTags.ReferencedSurfaceNumber, number)
                    .Sequence(DicomTags.SegmentSurfaceGenerationAlgorithmIdentificationSequence, AlgorithmItem(algorithm))
                    .Sequence(DicomTags.SegmentSurfaceSourceInstanceSequence, sources.Select(s => SegmentationModules.Reference(s.SopClassUid, s.SopInstanceUid)).ToArray())));
        }
        var uid = instance.SopInstanceUid ?? DicomUid.FromParts(instance.Series.SeriesInstanceUid, "surface segmentation", instance.InstanceNumber.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexString(digest.GetHashAndReset()), string.Join('|', surfaces.Select(s => s.Segment.Label)));
        var ds = new DicomDataSet()
            .SegmentationBase(instance, SopClasses.SurfaceSegmentation, uid, content, sources.Select(s => (s.SeriesInstanceUid, s.SopClassUid, s.SopInstanceUid)))
            .Sequence(DicomTags.SegmentSequence, [.. segmentItems])
            .Numbers(DicomTags.NumberOfSurfaces, surfaces.Count)
            .Sequence(DicomTags.SurfaceSequence, [.. surfaceItems]);
        return (ds, uid);
    }

    private static DicomDataSet SurfaceItem(int number, SurfaceSegment surface, byte[] points)
    {
        var (l, a, b) = CieLab.FromRgb(surface.Segment.Colour);
        var (finite, manifold) = surface.Shape is TriangleSurface mesh ? Topology(mesh.Mesh) : ("NO", "NO");
        var type = surface.Shape switch { TriangleSurface => "SURFACE", PolylineSurface => "WIREFRAME", _ => "POINTS" };
        var colour = surface.Segment.Colour;
        var grey = (0.2126 * colour.R + 0.7152 * colour.G + 0.0722 * colour.B) / 255.0 * 65535;
        return new DicomDataSet()
            .Numbers(DicomTags.SurfaceNumber, number)
            .Text(DicomTags.SurfaceComments, surface.Segment.Label)
            .Text(DicomTags.SurfaceProcessing, "NO")
            .Numbers(DicomTags.RecommendedDisplayGrayscaleValue, Math.Round(grey))
            .Numbers(DicomTags.RecommendedDisplayCIELabValue, l, a, b)
            .Numbers(DicomTags.RecommendedPresentationOpacity, surface.Opacity)
            .Text(DicomTags.RecommendedPresentationType, type)
            .Text(DicomTags.FiniteVolume, finite)
            .Text(DicomTags.Manifold, manifold)
            .Sequence(DicomTags.SurfacePointsSequence, PointsItem(surface.Shape.Points, points))
            .Sequence(DicomTags.SurfacePointsNormalsSequence)
            .Sequence(DicomTags.SurfaceMeshPrimitivesSequence, PrimitivesItem(surface.Shape));
    }

    private static DicomDataSet PointsItem(IReadOnlyList<Vec3> points, byte[] coordinates)
    {
        double minX = points.Min(p => p.X), minY = points.Min(p => p.Y), minZ = points.Min(p => p.Z);
        double maxX = points.Max(p => p.X), maxY = points.Max(p => p.Y), maxZ = points.Max(p => p.Z);
        return new DicomDataSet()
            .Numbers(DicomTags.NumberOfSurfacePoints, points.Count)
            .Bytes(DicomTags.PointCoordinatesData, DicomVr.OF, coordinates)
            .Numbers(DicomTags.PointsBoundingBoxCoordinates, minX, minY, minZ, maxX, maxY, maxZ);
    }

    /// <summary>The Surface Mesh Primitives macro: every primitive list is Type 2, so the unused ones are present and empty.</summary>
    private static DicomDataSet PrimitivesItem(SurfaceShape shape)
    {
        var item = new DicomDataSet()
            .Bytes(DicomTags.LongVertexPointIndexList, DicomVr.OL, [])
            .Bytes(DicomTags.LongEdgePointIndexList, DicomVr.OL, [])
            .Bytes(DicomTags.LongTrianglePointIndexList, DicomVr.OL, [])
            .Sequence(DicomTags.TriangleStripSequence)
            .Sequence(DicomTags.TriangleFanSequence)
            .Sequence(DicomTags.LineSequence)
            .Sequence(DicomTags.FacetSequence);
        return shape switch
        {
            TriangleSurface t => item.Bytes(DicomTags.LongTrianglePointIndexList, DicomVr.OL, OneBased(t.Mesh.Indices)),
            PolylineSurface p => item.Sequence(DicomTags.LineSequence,
                new DicomDataSet().Bytes(DicomTags.LongPrimitivePointIndexList, DicomVr.OL, OneBased(Enumerable.Range(0, p.Line.Count).ToList()))),
            _ => item.Bytes(DicomTags.LongVertexPointIndexList, DicomVr.OL, OneBased(Enumerable.Range(0, shape.Points.Count).ToList())),
        };
    }

    private static DicomDataSet AlgorithmItem(SurfaceAlgorithm algorithm)
    {
        var item = new DicomDataSet()
            .Sequence(DicomTags.AlgorithmFamilyCodeSequence, SegmentationCodes.SurfaceGenerationAlgorithm.ToItem())
            .Text(DicomTags.AlgorithmName, algorithm.Name)
            .Text(DicomTags.AlgorithmVersion, algorithm.Version);
        if (algorithm.Parameters.Length > 0)
        {
            item.Text(DicomTags.AlgorithmParameters, algorithm.Parameters);
        }
        return item;
    }

    /// <summary>
    /// FiniteVolume YES when every edge is shared by exactly two triangles (closed); Manifold YES when no edge is
    /// shared by more than two. Vertex manifoldness is not checked, so "YES" means edge-manifold.
    /// </summary>
    internal static (string FiniteVolume, string Manifold) Topology(TriangleMesh mesh)
    {
        var uses = new Dictionary<(int, int), int>();
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            for (var e = 0; e < 3; e++)
            {
                int a = mesh.Indices[3 * t + e], b = mesh.Indices[3 * t + (e + 1) % 3];
                var key = a < b ? (a, b) : (b, a);
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        var manifold = uses.Values.All(n => n <= 2);
        var closed = manifold && uses.Values.All(n => n == 2);
        return (closed ? "YES" : "NO", manifold ? "YES" : "NO");
    }

    private static byte[] PointBytes(IReadOnlyList<Vec3> points)
    {
        var bytes = new byte[points.Count * 12];
        for (var i = 0; i < points.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12 * i), (float)points[i].X);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12 * i + 4), (float)points[i].Y);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12 * i + 8), (float)points[i].Z);
        }
        return bytes;
    }

    private static byte[] OneBased(IReadOnlyList<int> indices)
    {
        var bytes = new byte[indices.Count * 4];
        for (var i = 0; i < indices.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), checked((uint)(indices[i] + 1)));
        }
        return bytes;
    }

    private static void Check(IReadOnlyList<SurfaceSegment> surfaces)
    {
        if (surfaces.Count == 0)
        {
            throw new ArgumentException("A Surface Segmentation needs at least one surface.", nameof(surfaces));
        }
        if (surfaces.Select(s => s.Segment.Number).Distinct().Count() != surfaces.Count)
        {
            throw new ArgumentException("SegmentNumber values must be unique.", nameof(surfaces));
        }
        foreach (var surface in surfaces)
        {
            if (surface.Shape.Points.Count == 0)
            {
                throw new ArgumentException($"Segment {surface.Segment.Number} '{surface.Segment.Label}' has no points.", nameof(surfaces));
            }
            if (surface.Shape.Points.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y) || !double.IsFinite(p.Z)))
            {
                throw new ArgumentException($"Segment {surface.Segment.Number} '{surface.Segment.Label}' has a point that is not finite.", nameof(surfaces));
            }
            if (surface.Opacity is < 0 or > 1)
            {
                throw new ArgumentException($"Segment {surface.Segment.Number}: opacity must be 0..1, got {surface.Opacity}.", nameof(surfaces));
            }
            if (surface.Shape is PolylineSurface { Line.Count: < 2 })
            {
                throw new ArgumentException($"Segment {surface.Segment.Number} '{surface.Segment.Label}': a polyline needs at least two points.", nameof(surfaces));
            }
        }
    }
}
