using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Tests.Support;

/// <summary>
/// Synthetic geometry for tests that need nothing from the phantom: ellipsoid "LV" meshes (outward, counter-clockwise
/// triangles) and C-arm views with round numbers.
/// </summary>
public static class SyntheticScene
{
    public static CArmGeometry View(double primaryDeg, double secondaryDeg, int size = 512, double pixelMm = 0.6, Vec3? isocenter = null) =>
        new(primaryDeg, secondaryDeg, SourceToDetectorMm: 1200, SourceToIsocenterMm: 800,
            DetectorPixelSpacingXMm: pixelMm, DetectorPixelSpacingYMm: pixelMm, Columns: size, Rows: size, IsocenterLps: isocenter ?? Vec3.Zero);

    /// <summary>A UV-sphere scaled to the given radii (mm) about <paramref name="centre"/>, long axis along z.</summary>
    public static TriangleMesh Ellipsoid(Vec3 centre, Vec3 radiiMm, int rings = 24, int sectors = 48)
    {
        var vertices = new List<Vec3> { centre + new Vec3(0, 0, radiiMm.Z) };
        for (var i = 1; i < rings; i++)
        {
            var polar = Math.PI * i / rings;
            for (var j = 0; j < sectors; j++)
            {
                var azimuth = 2 * Math.PI * j / sectors;
                vertices.Add(centre + new Vec3(
                    radiiMm.X * Math.Sin(polar) * Math.Cos(azimuth),
                    radiiMm.Y * Math.Sin(polar) * Math.Sin(azimuth),
                    radiiMm.Z * Math.Cos(polar)));
            }
        }
        vertices.Add(centre - new Vec3(0, 0, radiiMm.Z));
        var south = vertices.Count - 1;
        var indices = new List<int>();
        int Ring(int i, int j) => 1 + (i - 1) * sectors + (j % sectors);
        for (var j = 0; j < sectors; j++)
        {
            indices.AddRange([0, Ring(1, j), Ring(1, j + 1)]);
            indices.AddRange([south, Ring(rings - 1, j + 1), Ring(rings - 1, j)]);
        }
        for (var i = 1; i < rings - 1; i++)
        {
            for (var j = 0; j < sectors; j++)
            {
                indices.AddRange([Ring(i, j), Ring(i + 1, j), Ring(i + 1, j + 1)]);
                indices.AddRange([Ring(i, j), Ring(i + 1, j + 1), Ring(i, j + 1)]);
            }
        }
        return new TriangleMesh(vertices, indices);
    }

    /// <summary>A bullet-shaped LV-like surface: an ellipsoid with the basal half flattened, so in-plane rotation is observable.</summary>
    public static TriangleMesh LeftVentricle(Vec3 centre) =>
        Bend(Ellipsoid(Vec3.Zero, new Vec3(28, 26, 45)), centre);

    private static TriangleMesh Bend(TriangleMesh mesh, Vec3 centre)
    {
        // Tilt the long axis 35 degrees (apex to the patient's left and anterior-inferior, as an LV lies) and make the
        // apex pointed, so the silhouette has no rotational symmetry in any view.
        var tilt = Mat3.RotationAboutAxis(new Vec3(1, 1, 0).Normalized(), 35);
        var shaped = mesh.Vertices.Select(v =>
        {
            var taper = v.Z < 0 ? 1 + 0.35 * v.Z / 45.0 : 1.0;
            return centre + tilt * new Vec3(v.X * taper, v.Y * taper, v.Z);
        }).ToArray();
        return new TriangleMesh(shaped, mesh.Indices);
    }
}
