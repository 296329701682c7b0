using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;
using CartLedger.Imaging.Projection;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// Exact line integrals of thin devices (lead bodies, electrodes, contrast-filled veins) added to a DRR: a voxel grid
/// of 1 mm cannot hold a 1.5 mm electrode, but a ray's chord through a cylinder or a sphere is closed-form. Each
/// tube adds mu times its chord; within one tube, the chords of its segments and joint spheres are combined by
/// maximum, so joints are neither counted twice nor left open.
/// </summary>
public static class TubeProjector
{
    public static void Add(Image2D lineIntegrals, ProjectionMatrix projection, Tube tube, double muPerMm)
    {
        var rays = new ProjectionRays(projection);
        var source = rays.SourceLps;
        var chords = new Dictionary<int, double>();
        for (var s = 0; s < tube.SegmentCount; s++)
        {
            var a = tube.Nodes[s];
            var b = tube.Nodes[s + 1];
            var radius = Math.Max(tube.Radii[s], tube.Radii[s + 1]);
            var (x0, y0, x1, y1) = PixelBox(projection, a, b, radius, lineIntegrals.Width, lineIntegrals.Height);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var d = rays.Direction(x, y).Normalized();
                    var chord = Math.Max(CylinderChord(source, d, a, b, radius), Math.Max(SphereChord(source, d, a, tube.Radii[s]), SphereChord(source, d, b, tube.Radii[s + 1])));
                    if (chord > 0)
                    {
                        var key = y * lineIntegrals.Width + x;
                        chords[key] = Math.Max(chords.GetValueOrDefault(key), chord);
                    }
                }
            }
        }
        foreach (var key in chords.Keys.Order())
        {
            lineIntegrals.Pixels[key] += (float)(muPerMm * chords[key]);
        }
    }

    /// <summary>Chord length of the ray source + t d (d unit) through the finite cylinder from a to b.</summary>
    public static double CylinderChord(Vec3 source, Vec3 d, Vec3 a, Vec3 b, double radius)
    {
        var axis = b - a;
        var length = axis.Length;
        if (length < 1e-9)
        {
            return 0;
        }
        var v = axis / length;
        var w = source - a;
        var dPerp = d - v * d.Dot(v);
        var wPerp = w - v * w.Dot(v);
        var qa = dPerp.Dot(dPerp);
        if (qa < 1e-12)
        {
            return 0;
        }
        var qb = 2 * wPerp.Dot(dPerp);
        var qc = wPerp.Dot(wPerp) - radius * radius;
        var disc = qb * qb - 4 * qa * qc;
        if (disc <= 0)
        {
            return 0;
        }
        var root = Math.Sqrt(disc);
        double t0 = (-qb - root) / (2 * qa), t1 = (-qb + root) / (2 * qa);
        var dv = d.Dot(v);
        if (Math.Abs(dv) > 1e-12)
        {
            double u0 = -w.Dot(v) / dv, u1 = (length - w.Dot(v)) / dv;
            if (u0 > u1)
            {
                (u0, u1) = (u1, u0);
            }
            t0 = Math.Max(t0, u0);
            t1 = Math.Min(t1, u1);
        }
        else if (w.Dot(v) < 0 || w.Dot(v) > length)
        {
            return 0;
        }
        return Math.Max(0, t1 - t0);
    }

    public static double SphereChord(Vec3 source, Vec3 d, Vec3 centre, double radius)
    {
        var w = centre - source;
        var along = w.Dot(d);
        var distanceSquared = w.LengthSquared - along * along;
        var r2 = radius * radius;
        return distanceSquared >= r2 ? 0 : 2 * Math.Sqrt(r2 - distanceSquared);
    }

    private static (int X0, int Y0, int X1, int Y1) PixelBox(ProjectionMatrix p, Vec3 a, Vec3 b, double radius, int width, int height)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var q in new[] { a, b })
        {
            var pixel = p.Project(q, out var depth);
            var pitch = Math.Abs(p.Project(q + new Vec3(1, 0, 0)).DistanceTo(pixel)) + Math.Abs(p.Project(q + new Vec3(0, 0, 1)).DistanceTo(pixel)) + Math.Abs(p.Project(q + new Vec3(0, 1, 0)).DistanceTo(pixel));
            var margin = (radius + 1) * pitch + 2;
            if (depth <= 0)
            {
                continue;
            }
            minX = Math.Min(minX, pixel.X - margin);
            maxX = Math.Max(maxX, pixel.X + margin);
            minY = Math.Min(minY, pixel.Y - margin);
            maxY = Math.Max(maxY, pixel.Y + margin);
        }
        return ((int)Math.Max(0, Math.Floor(minX)), (int)Math.Max(0, Math.Floor(minY)),
            (int)Math.Min(width - 1, Math.Ceiling(maxX)), (int)Math.Min(height - 1, Math.Ceiling(maxY)));
    }
}
