using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Registration.CtModel;
using CartLedger.Registration.Intensity;

namespace CartLedger.Registration.Tests.CtModel;

/// <summary>
/// The CT model set registered on its own: a phantom whose CT lies in its own frame (a table shift of tens of mm and a
/// tilt of a few degrees from the CMR's), its DRRs against the two fluoroscopy views from an isocentred start.
/// </summary>
public class CtDrrRegistrationTests
{
    /// <summary>
    /// Not yet the few millimetres the CMR landmark path reaches: the two views' true heart positions differ by breathing
    /// (up to ~9 mm, the skeleton does not move), the DRR shows the skeleton too, and the views' in-plane corrections
    /// pull towards different answers; scored against the mean of the two views' true positions. Measured 7.2 mm from a
    /// 49.4 mm start on this patient (docs/registration.md); the bound keeps it from getting worse.
    /// </summary>
    private const double ToleranceMm = 10;

    private static readonly Lazy<PhantomPatient> Patient = new(() => PhantomGenerator.Generate(new PhantomOptions
    {
        Seed = 4,
        Ct = CtResolution.Fast,
        CtOwnFrame = true,
        DetectorPixels = 256,
        DetectorPixelMm = 1.2,
        CinePhases = 2,
        Lead = LeadPlacement.None,
        Scar = [],
    }));

    [Fact]
    public void Two_views_recover_the_CT_models_pose_from_an_isocentred_start()
    {
        var patient = Patient.Value;
        var frame = patient.Truth.CtFrame!;
        var structures = frame.PhrenicNerveCt.Append(frame.CoronarySinusOstiumCt).ToList();
        var centreCt = structures.Aggregate(Vec3.Zero, (a, p) => a + p) * (1.0 / structures.Count);
        var views = patient.Fluoroscopy.Select(v => new XrayFrame(v.Geometry, v.Image)).ToList();
        var start = RigidTransform.FromTranslation(views[0].Geometry.IsocenterLps - centreCt);

        var result = CtDrrRegistration.Register(CtModelVolume.ForFluoroscopy(patient.CtAsAcquired), views, start, centreCt);

        var cmrFromCt = frame.CtFromCmr.Inverse();
        double MeanErrorMm(RigidTransform pose) => structures.Average(p =>
        {
            var truth = patient.Truth.Views.Select(v => v.HeartPose.Apply(cmrFromCt.Apply(p))).Aggregate(Vec3.Zero, (a, q) => a + q) * (1.0 / patient.Truth.Views.Count);
            return pose.Apply(p).DistanceTo(truth);
        });
        var startErrorMm = MeanErrorMm(start);
        var errorMm = MeanErrorMm(result.Pose);
        var perViewMm = patient.Truth.Views.Select(v => structures.Average(p => result.Pose.Apply(p).DistanceTo(v.HeartPose.Apply(cmrFromCt.Apply(p))))).ToList();
        Assert.True(errorMm < ToleranceMm, $"CT structures {errorMm:0.0} mm from the truth (start {startErrorMm:0.0} mm; per view {string.Join(", ", perViewMm.Select(e => e.ToString("0.0")))}); GC {result.MetricValue:0.###}, quality {result.QualityScore:0.##}, views {string.Join("; ", result.Views.Select(v => v.InPlane))}");
        Assert.Equal(CtDrrRegistration.Algorithm, result.Algorithm);
    }

    [Fact]
    public void The_same_inputs_give_the_same_pose_bit_for_bit()
    {
        var patient = Patient.Value;
        var volume = CtModelVolume.ForFluoroscopy(patient.CtAsAcquired);
        var view = new XrayFrame(patient.Fluoroscopy[0].Geometry, patient.Fluoroscopy[0].Image);
        var centreCt = patient.Truth.CtFrame!.CoronarySinusOstiumCt;
        var start = RigidTransform.FromTranslation(view.Geometry.IsocenterLps - centreCt);
        var a = CtDrrRegistration.Register(volume, [view], start, centreCt);
        var b = CtDrrRegistration.Register(volume, [view], start, centreCt);
        Assert.Equal(a.Pose.ToMatrix4x4(), b.Pose.ToMatrix4x4());
        Assert.Equal(a.MetricValue, b.MetricValue);
    }

    [Fact]
    public void Two_views_closer_than_30_degrees_are_refused()
    {
        var patient = Patient.Value;
        var view = new XrayFrame(patient.Fluoroscopy[0].Geometry, patient.Fluoroscopy[0].Image);
        var close = view with { Geometry = view.Geometry with { PrimaryAngleDeg = view.Geometry.PrimaryAngleDeg + 10 } };
        Assert.Throws<ViewsTooCloseException>(() => CtDrrRegistration.Register(CtModelVolume.ForFluoroscopy(patient.CtAsAcquired), [view, close], RigidTransform.Identity, Vec3.Zero));
    }
}
