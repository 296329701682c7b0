using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// Heart-failure dimensions drawn from the seed: EDV 160-290 ml (dilated LV, the CRT population), ejection fraction
/// 15-35 %, wall 7-11 mm, long axis 35-55 degrees left of anterior and 20-40 degrees below horizontal, heart rate
/// 60-85/min.
/// </summary>
public sealed record HeartParameters(
    double EdvMl,
    double EjectionFraction,
    double SphericityRatio,
    double BaseAboveEquatorFraction,
    double WallMm,
    double ApexWallFraction,
    double AxisAzimuthDeg,
    double AxisElevationDeg,
    double SeptalRollDeg,
    double HeartRatePerMin,
    double RvWidthDeg,
    double RvDepthMm,
    double RvApexLevel,
    double FatBaseMm,
    double FatGrooveMm)
{
    public double RrMs => 60000.0 / HeartRatePerMin;

    public static HeartParameters Draw(int seed)
    {
        var r = new SeededRandom(seed, "heart");
        return new HeartParameters(
            EdvMl: r.Uniform(160, 290),
            EjectionFraction: r.Uniform(0.15, 0.35),
            SphericityRatio: r.Uniform(0.32, 0.42),
            BaseAboveEquatorFraction: r.Uniform(0.0, 0.12),
            WallMm: r.Uniform(7, 11),
            ApexWallFraction: r.Uniform(0.6, 0.75),
            AxisAzimuthDeg: r.Uniform(35, 55),
            AxisElevationDeg: r.Uniform(20, 40),
            SeptalRollDeg: r.Uniform(-12, 12),
            HeartRatePerMin: r.Uniform(60, 85),
            RvWidthDeg: r.Uniform(110, 140),
            RvDepthMm: r.Uniform(16, 28),
            RvApexLevel: r.Uniform(0.7, 0.85),
            FatBaseMm: r.Uniform(1.0, 3.5),
            FatGrooveMm: r.Uniform(4, 9));
    }
}
