namespace CartLedger.Domain.Segments;

/// <summary>
/// The reference ventricle that gives every segment a nominal area: the epicardium as a half prolate spheroid cut at
/// its equator (the base plane), equatorial radius 38 mm and base-to-apex length 100 mm, with the cavity ending
/// 10 mm before the apex (a dilated CRT ventricle; endocardial volume about 150 ml). Levels are thirds of the
/// base-to-cavity-end length, as in <see cref="SegmentConventions.LevelOf"/>. On it a 36-segment basal segment is
/// 5.9 cm^2, mid 5.4 cm^2, apical 4.3 cm^2 (seed 2 measured 6.7 +/- 1.5 and 4.3 +/- 1.2 cm^2 for basal and mid on
/// patients). Patient areas come from the patient's mesh; these numbers make area-weighted summaries well defined
/// when no mesh exists.
/// </summary>
public static class ReferenceLeftVentricle
{
    public const double EquatorialRadiusMm = 38.0;
    public const double BaseToApexMm = 100.0;
    public const double ApicalWallMm = 10.0;

    private static readonly double[] LevelAreasCm2 = ComputeLevelAreas();

    /// <summary>Epicardial area of a whole level (ring), or of the apical cap, in cm^2.</summary>
    public static double LevelAreaCm2(SegmentLevel level) => LevelAreasCm2[(int)level];

    /// <summary>Total epicardial area (all levels and the cap), cm^2.</summary>
    public static double TotalAreaCm2 => LevelAreasCm2.Sum();

    private static double[] ComputeLevelAreas()
    {
        var cavityEnd = BaseToApexMm - ApicalWallMm;
        double[] z = [0, cavityEnd / 3, 2 * cavityEnd / 3, cavityEnd, BaseToApexMm];
        var areas = new double[4];
        for (var i = 0; i < 4; i++)
        {
            areas[i] = ZoneAreaMm2(z[i], z[i + 1]) / 100.0;
        }
        return areas;
    }

    /// <summary>Surface of revolution r(z) = a sqrt(1 - (z/c)^2) between z1 and z2, midpoint rule in arc-length form.</summary>
    private static double ZoneAreaMm2(double z1, double z2)
    {
        // Integrate in the polar parameter t (z = c cos t, r = a sin t): smooth up to the apex, where dr/dz is singular.
        const int steps = 4000;
        var a = EquatorialRadiusMm;
        var c = BaseToApexMm;
        var t1 = Math.Acos(Math.Min(1, z2 / c));
        var t2 = Math.Acos(Math.Min(1, z1 / c));
        var h = (t2 - t1) / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            var t = t1 + (i + 0.5) * h;
            var r = a * Math.Sin(t);
            var ds = Math.Sqrt(Math.Pow(a * Math.Cos(t), 2) + Math.Pow(c * Math.Sin(t), 2));
            sum += 2 * Math.PI * r * ds * h;
        }
        return sum;
    }
}
