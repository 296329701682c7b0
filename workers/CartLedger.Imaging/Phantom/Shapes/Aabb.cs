using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>An axis-aligned box in patient LPS, mm: the region outside of which a shape covers nothing.</summary>
public readonly record struct Aabb(Vec3 Min, Vec3 Max)
{
    public static Aabb Around(Vec3 centre, double radiusMm) =>
        new(centre - new Vec3(radiusMm, radiusMm, radiusMm), centre + new Vec3(radiusMm, radiusMm, radiusMm));

    public Aabb Grown(double mm) => new(Min - new Vec3(mm, mm, mm), Max + new Vec3(mm, mm, mm));

    public Aabb Union(Aabb other) => new(
        new Vec3(Math.Min(Min.X, other.Min.X), Math.Min(Min.Y, other.Min.Y), Math.Min(Min.Z, other.Min.Z)),
        new Vec3(Math.Max(Max.X, other.Max.X), Math.Max(Max.Y, other.Max.Y), Math.Max(Max.Z, other.Max.Z)));

    public bool Contains(Vec3 p) =>
        p.X >= Min.X && p.X <= Max.X && p.Y >= Min.Y && p.Y <= Max.Y && p.Z >= Min.Z && p.Z <= Max.Z;

    public static Aabb Of(IEnumerable<Vec3> points)
    {
        var min = new Vec3(double.MaxValue, double.MaxValue, double.MaxValue);
        var max = new Vec3(double.MinValue, double.MinValue, double.MinValue);
        foreach (var p in points)
        {
            min = new Vec3(Math.Min(min.X, p.X), Math.Min(min.Y, p.Y), Math.Min(min.Z, p.Z));
            max = new Vec3(Math.Max(max.X, p.X), Math.Max(max.Y, p.Y), Math.Max(max.Z, p.Z));
        }
        return new Aabb(min, max);
    }
}
