using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>
/// Everything below a surface z = h(x, y) inside a box (the abdomen under the diaphragm domes). The distance is the
/// vertical gap divided by the slope factor sqrt(1 + |grad h|^2), exact for planes.
/// </summary>
public sealed class HeightFieldBelow(Func<double, double, double> heightMm, Aabb box) : Shape
{
    public override Aabb Bounds { get; } = box.Grown(BoundsMarginMm);

    public override double SignedDistanceMm(Vec3 p)
    {
        const double H = 0.5;
        var h = heightMm(p.X, p.Y);
        var gx = (heightMm(p.X + H, p.Y) - heightMm(p.X - H, p.Y)) / (2 * H);
        var gy = (heightMm(p.X, p.Y + H) - heightMm(p.X, p.Y - H)) / (2 * H);
        var vertical = (p.Z - h) / Math.Sqrt(1 + gx * gx + gy * gy);
        var inBox = Math.Max(Math.Max(box.Min.X - p.X, p.X - box.Max.X), Math.Max(box.Min.Y - p.Y, p.Y - box.Max.Y));
        return Math.Max(Math.Max(vertical, inBox), box.Min.Z - p.Z);
    }
}
