using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom;

/// <summary>End-diastolic LV surfaces as triangle meshes: rings from the base plane to the apex, closed by a fan at the apex, open at the base.</summary>
public static class SurfaceMeshes
{
    public static TriangleMesh Epicardium(HeartModel heart) =>
        Loft(heart, heart.Lv.EpiAxialMm, (z, theta) => heart.Lv.EpiRadius(z, theta));

    public static TriangleMesh Endocardium(HeartModel heart) =>
        Loft(heart, heart.Lv.EndoAxialMm, (z, theta) => heart.Lv.EndoRadius(z, theta));

    private static TriangleMesh Loft(HeartModel heart, double apexDepthMm, Func<double, double, double> radius)
    {
        const int Angles = 72, Rings = 40;
        var lv = heart.Lv;
        var vertices = new List<Vec3>();
        var indices = new List<int>();
        for (var ring = 0; ring < Rings; ring++)
        {
            // Rings bunch towards the apex (cosine spacing) where the surface curves fastest.
            var u = ring / (double)Rings;
            var z = lv.BasePlaneZMm - (lv.BasePlaneZMm + apexDepthMm) * Math.Sin(u * Math.PI / 2);
            for (var a = 0; a < Angles; a++)
            {
                var theta = a * 360.0 / Angles;
                vertices.Add(heart.Frame.FromCylindrical(radius(z, theta), theta, z));
            }
        }
        vertices.Add(heart.Frame.ToPatient(new Vec3(0, 0, -apexDepthMm)));
        var apex = vertices.Count - 1;
        for (var ring = 0; ring < Rings - 1; ring++)
        {
            for (var a = 0; a < Angles; a++)
            {
                int i00 = ring * Angles + a, i01 = ring * Angles + (a + 1) % Angles, i10 = i00 + Angles, i11 = i01 + Angles;
                indices.AddRange([i00, i10, i11, i00, i11, i01]);
            }
        }
        for (var a = 0; a < Angles; a++)
        {
            indices.AddRange([(Rings - 1) * Angles + a, apex, (Rings - 1) * Angles + (a + 1) % Angles]);
        }
        var mesh = new TriangleMesh(vertices, indices);
        return OutwardFacing(mesh, heart) ? mesh : new TriangleMesh(vertices, Flip(indices));
    }

    private static bool OutwardFacing(TriangleMesh mesh, HeartModel heart)
    {
        var (a, b, c) = mesh.Triangle(mesh.TriangleCount / 2);
        var normal = (b - a).Cross(c - a);
        return normal.Dot((a + b + c) / 3 - heart.LvCentre) > 0;
    }

    private static List<int> Flip(List<int> indices)
    {
        var flipped = new List<int>(indices);
        for (var t = 0; t < flipped.Count; t += 3)
        {
            (flipped[t + 1], flipped[t + 2]) = (flipped[t + 2], flipped[t + 1]);
        }
        return flipped;
    }
}
