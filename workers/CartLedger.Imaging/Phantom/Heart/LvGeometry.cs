namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The end-diastolic LV in its <see cref="HeartFrame"/>: endocardium and epicardium are ellipsoids of revolution
/// (a truncated prolate shape) cut by the base plane, with a low-order angular perturbation so that no slice is a
/// circle, and a wall that is thinner at the apex and thinned by chronic transmural scar.
/// </summary>
public sealed class LvGeometry
{
    private readonly (double Amplitude, int Order, double Phase)[] _harmonics;

    public LvGeometry(double endoRadialMm, double endoAxialMm, double basePlaneZMm, double wallMm, double apexWallMm,
        (double Amplitude, int Order, double Phase)[] harmonics, RegionalGrid wallScale)
    {
        EndoRadialMm = endoRadialMm;
        EndoAxialMm = endoAxialMm;
        BasePlaneZMm = basePlaneZMm;
        WallMm = wallMm;
        ApexWallMm = apexWallMm;
        _harmonics = harmonics;
        WallScale = wallScale;
    }

    /// <summary>Equatorial endocardial radius at end-diastole, mm.</summary>
    public double EndoRadialMm { get; }

    /// <summary>Distance from the equator to the endocardial apex, mm.</summary>
    public double EndoAxialMm { get; }

    /// <summary>Height of the base (mitral) plane above the equator, mm.</summary>
    public double BasePlaneZMm { get; }

    /// <summary>Equatorial wall thickness before regional scaling, mm.</summary>
    public double WallMm { get; }

    /// <summary>Wall thickness at the apex, mm.</summary>
    public double ApexWallMm { get; }

    /// <summary>Multiplier of the wall thickness over the wall (below 1 where transmural scar has thinned it).</summary>
    public RegionalGrid WallScale { get; }

    public double EpiAxialMm => EndoAxialMm + ApexWallMm;

    /// <summary>Base plane to endocardial apex, mm: the length that the level fraction s divides.</summary>
    public double CavityLengthMm => BasePlaneZMm + EndoAxialMm;

    /// <summary>Level fraction of a height: 0 at the base plane, 1 at the endocardial apex, above 1 in the apical cap.</summary>
    public double LevelFraction(double z) => (BasePlaneZMm - z) / CavityLengthMm;

    public double HeightAt(double levelFraction) => BasePlaneZMm - levelFraction * CavityLengthMm;

    public double Perturbation(double thetaDeg)
    {
        var t = thetaDeg * Math.PI / 180;
        double sum = 0;
        foreach (var (a, m, phase) in _harmonics)
        {
            sum += a * Math.Cos(m * t + phase);
        }
        return sum;
    }

    public double EndoSemiAxis(double thetaDeg) => EndoRadialMm * (1 + Perturbation(thetaDeg));

    /// <summary>Wall thickness at the equator of this angle and level (septum a little thicker; scar thinner).</summary>
    public double WallAt(double s, double thetaDeg) =>
        WallMm * (1 + 0.06 * Math.Cos((thetaDeg - 60) * Math.PI / 180)) * WallScale[s, thetaDeg];

    public double EpiSemiAxis(double s, double thetaDeg) => EndoSemiAxis(thetaDeg) + WallAt(s, thetaDeg);

    public double EndoRadius(double z, double thetaDeg) => z > BasePlaneZMm ? 0 : Ellipse2D.RadiusAt(z, EndoSemiAxis(thetaDeg), EndoAxialMm);

    public double EpiRadius(double z, double thetaDeg)
    {
        var zc = Math.Min(z, BasePlaneZMm);
        return Ellipse2D.RadiusAt(zc, EpiSemiAxis(LevelFraction(zc), thetaDeg), EpiAxialMm);
    }

    /// <summary>Signed distance to the cavity (endocardium and base plane), mm.</summary>
    public double EndoDistance(double rho, double z, double thetaDeg) =>
        Math.Max(Ellipse2D.SignedDistance(rho, z, EndoSemiAxis(thetaDeg), EndoAxialMm), z - BasePlaneZMm);

    /// <summary>Signed distance to the epicardial solid (myocardium plus cavity), mm.</summary>
    public double EpiDistance(double rho, double z, double thetaDeg) =>
        Math.Max(Ellipse2D.SignedDistance(rho, z, EpiSemiAxis(Math.Max(0, LevelFraction(z)), thetaDeg), EpiAxialMm), z - BasePlaneZMm);

    /// <summary>Fraction of the wall from the endocardium (0) to the epicardium (1) of a myocardial point.</summary>
    public static double TransmuralDepth(double endoDistance, double epiDistance)
    {
        var span = endoDistance - epiDistance;
        return span <= 1e-9 ? 0 : Math.Clamp(endoDistance / span, 0.0, 1.0);
    }
}
