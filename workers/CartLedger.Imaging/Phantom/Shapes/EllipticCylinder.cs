using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>
/// A cranio-caudal (z) cylinder with a superelliptic cross-section |x/a|^n + |y/b|^n = 1 (n = 2: ellipse; larger n:
/// flatter sides, like a torso), whose half-widths may vary linearly with z; capped at zMin and zMax.
/// </summary>
public sealed class EllipticCylinder(Vec3 centreAtZ0, double halfWidthXMm, double halfWidthYMm, double zMinMm, double zMaxMm,
    double exponent = 2.0, double widthChangePerMm = 0.0) : Shape
{
    public override Aabb Bounds { get; } = new Aabb(
        new Vec3(centreAtZ0.X - halfWidthXMm * 1.3, centreAtZ0.Y - halfWidthYMm * 1.3, zMinMm),
        new Vec3(centreAtZ0.X + halfWidthXMm * 1.3, centreAtZ0.Y + halfWidthYMm * 1.3, zMaxMm)).Grown(BoundsMarginMm);

    public override double SignedDistanceMm(Vec3 p)
    {
        var scale = 1.0 + widthChangePerMm * (p.Z - centreAtZ0.Z);
        double a = halfWidthXMm * scale, b = halfWidthYMm * scale;
        double x = Math.Abs(p.X - centreAtZ0.X) / a, y = Math.Abs(p.Y - centreAtZ0.Y) / b;
        // Math.Pow is ~20x slower than a square root and this runs for every voxel of the torso: special-case the ellipse.
        var k = exponent == 2.0 ? Math.Sqrt(x * x + y * y) : Math.Pow(Math.Pow(x, exponent) + Math.Pow(y, exponent), 1.0 / exponent);
        // Radial distance in the cross-section, scaled by the local half-width along the direction to the point.
        var radius = Math.Sqrt((x * a) * (x * a) + (y * b) * (y * b));
        var radial = k > 1e-9 ? radius * (1 - 1 / k) : -Math.Min(a, b);
        var axial = Math.Max(zMinMm - p.Z, p.Z - zMaxMm);
        return Math.Max(radial, axial);
    }
}
