using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// One patient's heart at end-diastole, placed in the thorax, with everything needed to pose it at any moment of
/// the cardiac cycle (<see cref="AtPhase"/>): LV, RV, atria and great vessels, coronary veins, papillary muscles,
/// epicardial fat and pericardium, scar, contraction, and the left phrenic nerve on the lateral pericardium.
/// </summary>
public sealed class HeartModel
{
    public required HeartParameters Parameters { get; init; }
    public required HeartFrame Frame { get; init; }
    public required LvGeometry Lv { get; init; }
    public required RightVentricle Rv { get; init; }
    public required ContractionModel Contraction { get; init; }
    public required ScarModel Scar { get; init; }
    public required ActivationFieldBuilder.Sites ActivationSites { get; init; }

    /// <summary>Atria and great vessels: they ride on the base plane as it moves towards the apex.</summary>
    public required IReadOnlyList<Solid> BaseAttached { get; init; }

    public required IReadOnlyList<NamedTube> Veins { get; init; }
    public required NamedTube PhrenicNerve { get; init; }

    /// <summary>Papillary muscles as ellipsoids in the heart's local frame at end-diastole.</summary>
    public required IReadOnlyList<Ellipsoid> PapillaryMusclesLocal { get; init; }

    /// <summary>Coronary-sinus ostium (where the sinus enters the RA), patient LPS at end-diastole.</summary>
    public Vec3 CoronarySinusOstium => Veins[0].Tube.Nodes[0];

    /// <summary>Epicardial apex, patient LPS at end-diastole.</summary>
    public Vec3 EpicardialApex => Frame.ToPatient(new Vec3(0, 0, -Lv.EpiAxialMm));

    /// <summary>Endocardial apex (the deepest point of the cavity).</summary>
    public Vec3 EndocardialApex => Frame.ToPatient(new Vec3(0, 0, -Lv.EndoAxialMm));

    /// <summary>Centre of the mitral (base) plane on the long axis.</summary>
    public Vec3 BaseCentre => Frame.ToPatient(new Vec3(0, 0, Lv.BasePlaneZMm));

    /// <summary>The LV centre used by seed 3's cross landmark: the middle of the long axis between base plane and epicardial apex.</summary>
    public Vec3 LvCentre => Frame.ToPatient(new Vec3(0, 0, (Lv.BasePlaneZMm - Lv.EpiAxialMm) / 2));

    public double FatThicknessMm(double s, double thetaDeg)
    {
        static double Gauss(double x, double w) => Math.Exp(-(x / w) * (x / w));
        double AngleTo(double a) => Math.Abs(Segments.SegmentLabels.Wrap(thetaDeg - a + 180) - 180);
        var groove = Gauss(s * Lv.CavityLengthMm, 12) + Gauss(AngleTo(0), 14) + Gauss(AngleTo(Rv.WidthDeg), 14);
        return Parameters.FatBaseMm + Parameters.FatGrooveMm * Math.Min(1, groove);
    }

    public Aabb Bounds { get; init; }

    public Structure AtPhase(CardiacPhase phase) => new HeartStructure(this, phase);

    public CardiacPhase EndDiastole => Contraction.At(0);
}
