using CartLedger.Registration.Intensity;

namespace CartLedger.Registration.Benchmark;

/// <summary>
/// Seed 3's start poses (Table 1): in-plane translations "up to 35 mm" and rotations "up to 15 degrees". The paper does
/// not give the distribution; normal translations (SD 18.5 mm per axis) clipped at 35 mm and uniform rotations in
/// [-15, 15] degrees reproduce its start row (simulated: mean 22.5, SD 10.6, median 22.0, p90 36.6, max 49.5 mm vs
/// 22.80, 10.50, 21.42, 36.96, 47.88). View angles vary by up to 15 degrees (primary) and 5 degrees (secondary).
/// </summary>
public static class PerturbationProtocol
{
    public const double TranslationSdMm = 18.5;
    public const double MaxTranslationMm = 35;
    public const double MaxRotationDeg = 15;
    public const double PrimaryAngleVariationDeg = 15;
    public const double SecondaryAngleVariationDeg = 5;

    public static InPlanePose Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double Clipped() => Math.Clamp(TranslationSdMm * Gaussian(random), -MaxTranslationMm, MaxTranslationMm);
        var tx = Clipped();
        var ty = Clipped();
        return new InPlanePose(tx, ty, (2 * random.NextDouble() - 1) * MaxRotationDeg);
    }

    /// <summary>A view of the protocol: the nominal angles varied uniformly within the protocol's ranges.</summary>
    public static (double PrimaryDeg, double SecondaryDeg) DrawView(Random random, double nominalPrimaryDeg, double nominalSecondaryDeg)
    {
        ArgumentNullException.ThrowIfNull(random);
        var primary = nominalPrimaryDeg + (2 * random.NextDouble() - 1) * PrimaryAngleVariationDeg;
        return (primary, nominalSecondaryDeg + (2 * random.NextDouble() - 1) * SecondaryAngleVariationDeg);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
