using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>A structure moved rigidly (breathing between fluoroscopy views): sampled at pose^-1(p).</summary>
public sealed class PosedStructure : Structure
{
    private readonly Structure _inner;
    private readonly RigidTransform _inverse;

    public PosedStructure(Structure inner, RigidTransform pose) : base(inner.Name, inner.Group)
    {
        _inner = inner;
        _inverse = pose.Inverse();
        var b = inner.Bounds;
        var corners = new List<Vec3>();
        for (var c = 0; c < 8; c++)
        {
            corners.Add(pose.Apply(new Vec3((c & 1) == 0 ? b.Min.X : b.Max.X, (c & 2) == 0 ? b.Min.Y : b.Max.Y, (c & 4) == 0 ? b.Min.Z : b.Max.Z)));
        }
        Bounds = Aabb.Of(corners);
    }

    public override Aabb Bounds { get; }
    public override IReadOnlyList<Tissue> Layers => _inner.Layers;

    public override void Coverage(Vec3 p, double sampleMm, Span<float> coverage) => _inner.Coverage(_inverse.Apply(p), sampleMm, coverage);

    public static Structure Apply(Structure s, RigidTransform pose) => pose == RigidTransform.Identity ? s : new PosedStructure(s, pose);
}
