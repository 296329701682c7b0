using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>
/// An ellipsoid with semi-axes <see cref="Radii"/> along the columns of <see cref="Axes"/>. The signed distance is
/// the first-order estimate k0 (k0 - 1) / k1 (k0 = |q/r|, k1 = |q/r^2|): exact on the surface and for spheres.
/// </summary>
public sealed class Ellipsoid : Shape
{
    private readonly Mat3 _toLocal;

    public Ellipsoid(Vec3 centre, Mat3 axes, Vec3 radii)
    {
        Centre = centre;
        Axes = axes;
        Radii = radii;
        _toLocal = axes.Transposed();
        var r = Math.Max(radii.X, Math.Max(radii.Y, radii.Z));
        Bounds = Aabb.Around(centre, r + BoundsMarginMm);
    }

    public static Ellipsoid Sphere(Vec3 centre, double radiusMm) => new(centre, Mat3.Identity, new Vec3(radiusMm, radiusMm, radiusMm));

    public Vec3 Centre { get; }
    public Mat3 Axes { get; }
    public Vec3 Radii { get; }
    public override Aabb Bounds { get; }

    public override double SignedDistanceMm(Vec3 p)
    {
        var q = _toLocal * (p - Centre);
        double ax = q.X / Radii.X, ay = q.Y / Radii.Y, az = q.Z / Radii.Z;
        var k0 = Math.Sqrt(ax * ax + ay * ay + az * az);
        if (k0 < 1e-9)
        {
            return -Math.Min(Radii.X, Math.Min(Radii.Y, Radii.Z));
        }
        double bx = ax / Radii.X, by = ay / Radii.Y, bz = az / Radii.Z;
        var k1 = Math.Sqrt(bx * bx + by * by + bz * bz);
        return k0 * (k0 - 1) / k1;
    }
}
