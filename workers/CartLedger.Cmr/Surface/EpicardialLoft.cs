using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Segments;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Surface;

/// <summary>
/// Lofts the end-diastolic epicardial contours of the full slices into a surface (cmr-notes 5.2): every ring is
/// resampled at fixed segment-model angles (theta = 0, 5, 10 ... from the anterior RV insertion), so rings
/// correspond point for point and the surface never twists; neighbouring rings are joined by two triangles per
/// quad; beyond the apical-most ring two shrinking rings follow a quarter ellipse to the apex point, closed by a
/// fan. Triangles are wound so their normals point away from the long axis. The base stays open.
/// </summary>
public static class EpicardialLoft
{
    public const int PointsPerRing = 72;
    private const int CapRings = 2;

    /// <param name="segmentation">The cine segmentation (end-diastolic contours are used).</param>
    /// <param name="transmuralityPercent">Per-vertex scar lookup: (cine slice index, theta degrees) to transmurality 0-100, or null for none.</param>
    /// <param name="segmentTransmuralityPercent">Transmurality of each 36-segment (index 1-36), used on rings without an LGE slice.</param>
    /// <param name="activationMs">Time to peak of each 36-segment (index 1-36); null entries where not measured.</param>
    public static EpicardialMesh Build(CineSegmentation segmentation, Func<int, double, double?> transmuralityPercent, IReadOnlyList<double> segmentTransmuralityPercent, IReadOnlyList<double?> activationMs)
    {
        var map = new SegmentMap(segmentation);
        var full = segmentation.FullSlices.ToList();
        if (full.Count == 0)
        {
            throw new ArgumentException("No full slice to loft an epicardium from.", nameof(segmentation));
        }
        var ed = segmentation.EndDiastolePhase;
        var orientation = segmentation.Orientation;
        var vertices = new List<Vec3>();
        var attributes = new List<VertexAttributes>();
        foreach (var slice in full)
        {
            var epi = slice.Phases[ed].Epicardium;
            var level = segmentation.LevelFraction(slice);
            for (var j = 0; j < PointsPerRing; j++)
            {
                var theta = j * 360.0 / PointsPerRing;
                var angle = orientation.ImageAngleRad(slice.Plane, theta);
                var pixel = epi.Centre + epi.Grid.Offset(epi.RadiusAt(angle), angle);
                vertices.Add(slice.Plane.ToPatient(pixel));
                var location = map.Locate(slice, angle)!.Value;
                var scar = transmuralityPercent(slice.Index, theta) ?? segmentTransmuralityPercent[location.Segment36.Number];
                attributes.Add(new VertexAttributes(location, level, theta, scar, activationMs[location.Segment36.Number]));
            }
        }
        AddApicalCap(full[^1], ed, segmentation.ApexLps, vertices, attributes);
        var indices = Triangulate(full.Count + CapRings, vertices.Count - 1);
        var mesh = Orient(new TriangleMesh(vertices, indices), segmentation.BaseCentreLps, segmentation.ApexLps);
        return new EpicardialMesh(mesh, attributes, full.Count + CapRings, PointsPerRing);
    }

    private static void AddApicalCap(SegmentedSlice last, int ed, Vec3 apex, List<Vec3> vertices, List<VertexAttributes> attributes)
    {
        var centre = last.Plane.ToPatient(last.Phases[ed].Epicardium.Centre);
        var ring = vertices.Skip(vertices.Count - PointsPerRing).ToList();
        var cap = new VertexAttributes(SegmentLookup.ApicalCap, 1, 0, 0, null);
        for (var i = 1; i <= CapRings; i++)
        {
            // Quarter ellipse from the last ring to the apex: the radius shrinks as cos, the depth grows as sin.
            var phi = Math.PI / 2 * i / (CapRings + 1);
            for (var j = 0; j < PointsPerRing; j++)
            {
                vertices.Add(centre + (ring[j] - centre) * Math.Cos(phi) + (apex - centre) * Math.Sin(phi));
                attributes.Add(cap with { ThetaDeg = j * 360.0 / PointsPerRing, LevelFraction = 1 + (double)i / (CapRings + 1) });
            }
        }
        vertices.Add(apex);
        attributes.Add(cap with { LevelFraction = 2 });
    }

    /// <summary>Quads between consecutive rings, then a fan from the last ring to the apex vertex.</summary>
    private static List<int> Triangulate(int rings, int apexIndex)
    {
        var indices = new List<int>();
        for (var k = 0; k + 1 < rings; k++)
        {
            for (var j = 0; j < PointsPerRing; j++)
            {
                int a = k * PointsPerRing + j, b = k * PointsPerRing + (j + 1) % PointsPerRing;
                int c = (k + 1) * PointsPerRing + j, d = (k + 1) * PointsPerRing + (j + 1) % PointsPerRing;
                indices.AddRange([a, b, d, a, d, c]);
            }
        }
        var lastRing = (rings - 1) * PointsPerRing;
        for (var j = 0; j < PointsPerRing; j++)
        {
            indices.AddRange([lastRing + j, lastRing + (j + 1) % PointsPerRing, apexIndex]);
        }
        return indices;
    }

    /// <summary>Flips every triangle when the majority faces the long axis (normals must point outwards).</summary>
    private static TriangleMesh Orient(TriangleMesh mesh, Vec3 baseCentre, Vec3 apex)
    {
        var axis = (apex - baseCentre).Normalized();
        var outward = 0;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            var (a, b, c) = mesh.Triangle(t);
            var centroid = (a + b + c) / 3;
            var radial = centroid - baseCentre - axis * (centroid - baseCentre).Dot(axis);
            outward += (b - a).Cross(c - a).Dot(radial) >= 0 ? 1 : -1;
        }
        if (outward >= 0)
        {
            return mesh;
        }
        var flipped = new int[mesh.Indices.Count];
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            flipped[3 * t] = mesh.Indices[3 * t];
            flipped[3 * t + 1] = mesh.Indices[3 * t + 2];
            flipped[3 * t + 2] = mesh.Indices[3 * t + 1];
        }
        return new TriangleMesh(mesh.Vertices, flipped);
    }
}
