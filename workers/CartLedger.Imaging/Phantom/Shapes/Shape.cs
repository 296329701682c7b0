using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Shapes;

/// <summary>
/// A solid in patient LPS described by an (approximate) signed distance, negative inside. Images sample it as a
/// coverage fraction: a linear ramp of one sample width across the boundary, which is the exact partial-volume
/// fraction of a voxel cut by a plane at normal incidence, and close enough elsewhere.
/// </summary>
public abstract class Shape
{
    /// <summary>Nothing outside this box is covered (already grown by the largest ramp anyone samples with).</summary>
    public abstract Aabb Bounds { get; }

    /// <summary>Signed distance to the surface, mm (negative inside). Approximations must be exact on the surface.</summary>
    public abstract double SignedDistanceMm(Vec3 p);

    /// <summary>Fraction of a sample of width <paramref name="sampleMm"/> centred at <paramref name="p"/> inside the solid.</summary>
    public virtual float Coverage(Vec3 p, double sampleMm) =>
        Bounds.Contains(p) ? Ramp(SignedDistanceMm(p), sampleMm) : 0f;

    /// <summary>The partial-volume ramp: 1 deep inside, 0 outside, linear over one sample width.</summary>
    public static float Ramp(double signedDistanceMm, double sampleMm) =>
        (float)Math.Clamp(0.5 - signedDistanceMm / sampleMm, 0.0, 1.0);

    /// <summary>Margin added to every shape's bounds so that ramps of coarse samples (up to 4 mm) are never cut.</summary>
    public const double BoundsMarginMm = 4.0;
}
