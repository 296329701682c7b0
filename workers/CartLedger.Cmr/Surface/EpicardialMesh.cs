using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Surface;

/// <summary>What every vertex of the epicardial mesh carries (cmr-notes 5.2).</summary>
/// <param name="Location">Its 36-, 18- and AHA 17-segment (the apical cap beyond the last cavity slice).</param>
/// <param name="LevelFraction">Base (0) to last cavity slice (1); above 1 on the apical cap.</param>
/// <param name="ThetaDeg">Angle from the anterior RV insertion, towards the septum.</param>
/// <param name="ScarTransmuralityPercent">Scar transmurality under the vertex (chord value where an LGE slice lies at its level, else its segment's), 0-100.</param>
/// <param name="ActivationMs">Its segment's time to peak strain, ms from the R wave; null where not measured.</param>
public sealed record VertexAttributes(SegmentLocation Location, double LevelFraction, double ThetaDeg, double ScarTransmuralityPercent, double? ActivationMs);

/// <summary>The LV epicardial surface at end-diastole (LPS mm, outward triangles, open base, closed apex) with per-vertex attributes.</summary>
public sealed record EpicardialMesh(TriangleMesh Mesh, IReadOnlyList<VertexAttributes> Vertices, int RingCount, int PointsPerRing)
{
    /// <summary>The vertex indices of one 36-segment (e.g. to draw a target as its own surface).</summary>
    public IReadOnlyList<int> VerticesOf(SegmentId segment36) =>
        Enumerable.Range(0, Vertices.Count).Where(i => Vertices[i].Location.Segment36 == segment36).ToList();

    /// <summary>The triangles whose three vertices all satisfy <paramref name="include"/>, as a separate mesh (vertices re-indexed).</summary>
    public TriangleMesh Submesh(Func<VertexAttributes, bool> include)
    {
        var map = new Dictionary<int, int>();
        var vertices = new List<Vec3>();
        var indices = new List<int>();
        for (var t = 0; t < Mesh.TriangleCount; t++)
        {
            var corners = new[] { Mesh.Indices[3 * t], Mesh.Indices[3 * t + 1], Mesh.Indices[3 * t + 2] };
            if (!corners.All(c => include(Vertices[c])))
            {
                continue;
            }
            foreach (var c in corners)
            {
                if (!map.TryGetValue(c, out var mapped))
                {
                    mapped = vertices.Count;
                    map[c] = mapped;
                    vertices.Add(Mesh.Vertices[c]);
                }
                indices.Add(mapped);
            }
        }
        return new TriangleMesh(vertices, indices);
    }
}
