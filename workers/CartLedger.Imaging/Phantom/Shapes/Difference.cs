using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>A solid with another carved out (lungs minus the mediastinum): max(d_a, -d_b).</summary>
public sealed class Difference(Shape keep, Shape carve) : Shape
{
    public override Aabb Bounds => keep.Bounds;

    public override double SignedDistanceMm(Vec3 p) =>
        carve.Bounds.Contains(p) ? Math.Max(keep.SignedDistanceMm(p), -carve.SignedDistanceMm(p)) : keep.SignedDistanceMm(p);
}

/// <summary>Where two solids overlap: max(d_a, d_b).</summary>
public sealed class Intersection(Shape a, Shape b) : Shape
{
    public override Aabb Bounds => a.Bounds;

    public override double SignedDistanceMm(Vec3 p) =>
        b.Bounds.Contains(p) ? Math.Max(a.SignedDistanceMm(p), b.SignedDistanceMm(p)) : Math.Max(a.SignedDistanceMm(p), BoundsMarginMm);
}
