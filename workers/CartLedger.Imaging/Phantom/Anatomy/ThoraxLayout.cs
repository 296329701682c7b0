using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// The patient-specific dimensions of the thorax, drawn from the seed. Patient LPS: x = 0 on the midline,
/// y = 0 at the middle of the chest's depth, z = 0 near the level of the LV centre.
/// </summary>
public sealed record ThoraxLayout(
    double HalfWidthMm,
    double HalfDepthMm,
    double SubcutaneousFatMm,
    double ChestWallMuscleMm,
    double SpineY,
    double RightDomeZ,
    double LeftDomeZ,
    double RibSpacingMm,
    double TopRibZ,
    bool Female,
    double IodineScale)
{
    /// <summary>Anterior surface of the thoracic cavity (inside the chest wall), y.</summary>
    public double CavityFrontY => -HalfDepthMm + SubcutaneousFatMm + ChestWallMuscleMm;

    public Vec3 SpineAt(double z) => new(0, SpineY, z);

    public static ThoraxLayout Draw(int seed)
    {
        var r = new SeededRandom(seed, "thorax");
        var halfWidth = r.Uniform(150, 185);
        var halfDepth = r.Uniform(100, 125);
        var fat = r.Uniform(8, 30);
        var right = r.Uniform(-75, -55);
        return new ThoraxLayout(
            HalfWidthMm: halfWidth,
            HalfDepthMm: halfDepth,
            SubcutaneousFatMm: fat,
            ChestWallMuscleMm: r.Uniform(12, 20),
            SpineY: halfDepth * r.Uniform(0.5, 0.6),
            RightDomeZ: right,
            LeftDomeZ: right - r.Uniform(12, 28),
            RibSpacingMm: r.Uniform(23, 28),
            TopRibZ: r.Uniform(150, 175),
            Female: r.Chance(0.35),
            IodineScale: r.Uniform(0.8, 1.15));
    }
}
