using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// Something painted into images: one or more tissue layers, each with a coverage fraction at a point, blended in
/// layer order over what is already there (painter's algorithm: value = value (1 - f) + tissue f).
/// </summary>
public abstract class Structure(string name, MotionGroup group)
{
    public string Name { get; } = name;
    public MotionGroup Group { get; } = group;
    public abstract Aabb Bounds { get; }
    public abstract IReadOnlyList<Tissue> Layers { get; }

    /// <summary>Writes one coverage fraction per layer for a sample of width <paramref name="sampleMm"/> at <paramref name="p"/>.</summary>
    public abstract void Coverage(Vec3 p, double sampleMm, Span<float> coverage);
}

/// <summary>One shape filled with one tissue.</summary>
public sealed class Solid(string name, MotionGroup group, Shape shape, Tissue tissue) : Structure(name, group)
{
    private readonly Tissue[] _layers = [tissue];

    public Shape Shape { get; } = shape;
    public Tissue Tissue { get; } = tissue;
    public override Aabb Bounds => Shape.Bounds;
    public override IReadOnlyList<Tissue> Layers => _layers;

    public override void Coverage(Vec3 p, double sampleMm, Span<float> coverage) => coverage[0] = Shape.Coverage(p, sampleMm);
}
