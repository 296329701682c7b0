using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Model;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// One phantom patient of the registration bench: two views (LAO 40 and RAO 30, varied by seed 3's protocol), the ED
/// epicardium as the model (model = ED patient frame), the true pose of each view (the breathing heart pose), the LV
/// centre (seed 3's cross landmark) and the outline visibility weights from the LV frame that the plan carries.
/// </summary>
public sealed record BenchPatient(int Seed, PhantomPatient Patient, XrayFrame[] Frames, RigidTransform[] Truth, TriangleMesh Model, Vec3 CentreModel, LvFrame LvFrame, double[] Weights)
{
    /// <summary>Detector of the bench: 512 pixels of 0.6 mm (a 307 mm field, 0.4 mm at the heart).</summary>
    public const int DetectorPixels = 512;
    public const double DetectorPixelMm = 0.6;

    public static BenchPatient Generate(int seed)
    {
        var random = new Random(seed);
        var lao = PerturbationProtocol.DrawView(random, 40, 0);
        var rao = PerturbationProtocol.DrawView(random, -30, 0);
        // CMR is not scored here: the fewest cine phases and the coarse CT keep generation short.
        var patient = PhantomGenerator.Generate(new PhantomOptions
        {
            Seed = seed,
            Views = [lao, rao],
            Ct = CtResolution.Fast,
            CinePhases = 2,
            DetectorPixels = DetectorPixels,
            DetectorPixelMm = DetectorPixelMm,
            Lead = LeadPlacement.AtTarget,
        });
        var frames = patient.Fluoroscopy.Select(v => new XrayFrame(v.Geometry, v.Image)).ToArray();
        var truth = patient.Truth.Views.Select(v => v.HeartPose).ToArray();
        var h = patient.Truth.Heart;
        var lv = new LvFrame(h.FrameOrigin, h.Ex, h.Et, h.Ez, patient.Heart.Lv.BasePlaneZMm, patient.Heart.Lv.BasePlaneZMm - patient.Heart.Lv.CavityLengthMm);
        var weights = LeftVentricleVisibility.Weights(patient.LvEpicardium, lv);
        return new BenchPatient(seed, patient, frames, truth, patient.LvEpicardium, patient.Truth.Landmarks.LvCentre, lv, weights);
    }

    /// <summary>In-plane TRE of seed 3 in view <paramref name="view"/> (mm at the LV centre's depth).</summary>
    public double TreMm(int view, RigidTransform estimate) => CrossLandmark.InPlaneTreMm(Frames[view].Geometry, Truth[view], estimate, CentreModel);

    /// <summary>3D TRE at the LV centre (mm) against the mean of the two frames' true (breathing) positions.</summary>
    public double Tre3DMm(RigidTransform estimate)
    {
        var truth = Truth.Select(t => t.Apply(CentreModel)).Aggregate((a, b) => a + b) / Truth.Length;
        return (estimate.Apply(CentreModel) - truth).Length;
    }

    /// <summary>Seed 3's start: the true pose of the view, moved in-plane by <paramref name="perturbation"/>.</summary>
    public RigidTransform Start(int view, InPlanePose perturbation) =>
        perturbation.ToTransform(Frames[view].Geometry, Truth[view], Truth[view].Apply(CentreModel));
}
