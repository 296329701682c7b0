using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The heart at one cardiac phase as paintable layers. Every sample is mapped back to its end-diastolic tissue
/// point once (<see cref="CardiacPhase.ToEndDiastole"/>), and all ventricular surfaces are evaluated there, so
/// walls thicken, the RV shortens and the veins ride on the epicardium. After the layers, the span may hold
/// <see cref="LabelSlots"/> more values: LV blood pool (papillary muscles included), LV myocardium, scar
/// (myocardium with density >= 0.5) and RV blood pool fractions, for label maps.
/// </summary>
public sealed class HeartStructure(HeartModel heart, CardiacPhase phase) : Structure("heart", MotionGroup.Heart)
{
    public const int LabelSlots = 4;
    private static readonly Tissue[] FixedLayersBefore = [Tissues.Pericardium, Tissues.Fat, Tissues.Nerve];
    private static readonly Tissue[] FixedLayersAfter =
        [Tissues.Myocardium, Tissues.RightHeartBlood, Tissues.VenousBlood, Tissues.Myocardium, Tissues.Scar, Tissues.LeftHeartBlood, Tissues.Myocardium];

    private readonly Tissue[] _layers = [.. FixedLayersBefore, .. heart.BaseAttached.Select(s => s.Tissue), .. FixedLayersAfter];

    public override Aabb Bounds => heart.Bounds;
    public override IReadOnlyList<Tissue> Layers => _layers;

    public override void Coverage(Vec3 p, double sampleMm, Span<float> coverage)
    {
        var lv = heart.Lv;
        var local = heart.Frame.ToLocal(p);
        if (IsFarFromEverything(p, local))
        {
            coverage.Clear();
            return;
        }
        var tissue = phase.ToEndDiastole(lv, local);
        var rho = Math.Sqrt(tissue.X * tissue.X + tissue.Y * tissue.Y);
        var theta = HeartFrame.ThetaDeg(tissue);
        var z = tissue.Z;
        var s = lv.LevelFraction(z);
        var dEndo = lv.EndoDistance(rho, z, theta);
        var dEpi = lv.EpiDistance(rho, z, theta);
        var epiRadius = lv.EpiRadius(z, theta);
        var rvDepth = heart.Rv.Depth(s, theta) * (1 + phase.RvStrain);
        var rvWall = heart.Rv.WallDepth(s, theta, rvDepth, epiRadius);
        var rvTop = z - (lv.BasePlaneZMm + heart.Rv.TopAboveBaseMm);
        var dRvOuter = rvWall > 0 ? Math.Max(rho - (epiRadius + rvWall), rvTop) : double.PositiveInfinity;

        var baseShifted = p - heart.Frame.Ez * phase.BaseShiftMm(lv);
        var attached = heart.BaseAttached;
        Span<double> dAttached = stackalloc double[attached.Count];
        var envelope = Math.Min(dEpi, dRvOuter);
        for (var a = 0; a < attached.Count; a++)
        {
            dAttached[a] = attached[a].Shape.Bounds.Contains(baseShifted) ? attached[a].Shape.SignedDistanceMm(baseShifted) : 50;
            envelope = Ellipse2D.SmoothMin(envelope, dAttached[a], 8);
        }
        var fat = heart.FatThicknessMm(Math.Max(0, s), theta);
        var tissuePatient = heart.Frame.ToPatient(tissue);

        var i = 0;
        coverage[i++] = Shape.Ramp(envelope - fat - 1.2, sampleMm);
        coverage[i++] = Shape.Ramp(envelope - fat, sampleMm);
        coverage[i++] = heart.PhrenicNerve.Tube.Coverage(tissuePatient, sampleMm);
        for (var a = 0; a < attached.Count; a++)
        {
            coverage[i++] = Shape.Ramp(dAttached[a], sampleMm);
        }
        var inRvRange = rvTop < sampleMm;
        var rvWallCoverage = inRvRange ? Slab(rho - epiRadius, rvWall, sampleMm) * Shape.Ramp(rvTop, sampleMm) : 0f;
        var rvBloodCoverage = inRvRange ? Slab(rho - epiRadius, rvDepth, sampleMm) * Shape.Ramp(rvTop - heart.Rv.WallMm, sampleMm) : 0f;
        coverage[i++] = rvWallCoverage;
        coverage[i++] = rvBloodCoverage;
        float vein = 0;
        foreach (var v in heart.Veins)
        {
            vein = Math.Max(vein, v.Tube.Coverage(tissuePatient, sampleMm));
        }
        coverage[i++] = vein;
        var epi = Shape.Ramp(dEpi, sampleMm);
        var endo = Shape.Ramp(dEndo, sampleMm);
        var myocardium = Math.Max(0f, epi - endo);
        var density = myocardium > 0 && !heart.Scar.IsEmpty
            ? heart.Scar.Density(s, theta, LvGeometry.TransmuralDepth(dEndo, dEpi), lv.WallAt(Math.Clamp(s, 0, 1), theta))
            : 0;
        coverage[i++] = epi;
        coverage[i++] = (float)(epi * density);
        coverage[i++] = endo;
        float papillary = 0;
        foreach (var muscle in heart.PapillaryMusclesLocal)
        {
            papillary = Math.Max(papillary, Shape.Ramp(muscle.SignedDistanceMm(tissue), sampleMm));
        }
        coverage[i++] = Math.Min(papillary, endo);
        if (coverage.Length >= i + LabelSlots)
        {
            coverage[i++] = endo;
            coverage[i++] = myocardium;
            coverage[i++] = density >= 0.5 ? myocardium : 0f;
            coverage[i] = rvBloodCoverage * (1 - epi);
        }
    }

    /// <summary>
    /// Cheap conservative test that no layer can cover <paramref name="p"/>: outside the cylinder that holds the
    /// ventricles with their fat and the phrenic nerve (at any phase), and outside every attached vessel's boxes.
    /// </summary>
    private bool IsFarFromEverything(Vec3 p, Vec3 local)
    {
        var lv = heart.Lv;
        var reach = lv.EndoRadialMm * 1.15 + lv.WallMm + heart.Rv.MaxDepthMm * 1.2 + heart.Rv.WallMm + heart.Parameters.FatBaseMm + heart.Parameters.FatGrooveMm + 15;
        var nearVentricles = local.Z > -lv.EpiAxialMm - 30 && local.Z < lv.BasePlaneZMm + 40 && local.X * local.X + local.Y * local.Y < reach * reach;
        if (nearVentricles)
        {
            return false;
        }
        var baseShifted = p - heart.Frame.Ez * phase.BaseShiftMm(lv);
        foreach (var attached in heart.BaseAttached)
        {
            var near = attached.Shape is Tube tube ? tube.NearSegments(baseShifted) : attached.Shape.Bounds.Contains(baseShifted);
            if (near)
            {
                return false;
            }
        }
        return !heart.PhrenicNerve.Tube.NearSegments(p);
    }

    /// <summary>
    /// Approximate distance from <paramref name="p"/> to the outside of the pericardium, mm (negative inside): lets
    /// samplers skip regions the heart cannot reach without evaluating every layer.
    /// </summary>
    public double PericardialDistanceMm(Vec3 p)
    {
        var lv = heart.Lv;
        var tissue = phase.ToEndDiastole(lv, heart.Frame.ToLocal(p));
        var rho = Math.Sqrt(tissue.X * tissue.X + tissue.Y * tissue.Y);
        var theta = HeartFrame.ThetaDeg(tissue);
        var s = lv.LevelFraction(tissue.Z);
        var epiRadius = lv.EpiRadius(tissue.Z, theta);
        var rvWall = heart.Rv.WallDepth(s, theta, heart.Rv.Depth(s, theta), epiRadius);
        var distance = Math.Min(lv.EpiDistance(rho, tissue.Z, theta), rvWall > 0 ? rho - epiRadius - rvWall : double.PositiveInfinity);
        var baseShifted = p - heart.Frame.Ez * phase.BaseShiftMm(lv);
        foreach (var attached in heart.BaseAttached)
        {
            if (attached.Shape.Bounds.Contains(baseShifted))
            {
                distance = Math.Min(distance, attached.Shape.SignedDistanceMm(baseShifted));
            }
        }
        return distance - heart.FatThicknessMm(Math.Max(0, s), theta) - heart.Parameters.FatGrooveMm - 4;
    }

    /// <summary>Coverage of the radial slab [0, depth] outside the epicardium (zero when the depth is zero).</summary>
    private static float Slab(double outsideEpiMm, double depthMm, double sampleMm) =>
        depthMm <= 0 ? 0f : Math.Max(0f, Shape.Ramp(outsideEpiMm - depthMm, sampleMm) - Shape.Ramp(outsideEpiMm, sampleMm));
}
