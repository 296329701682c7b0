using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Model;
using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Fusion;

/// <summary>A click on an electrode in one view; <see cref="Snap"/> moves it to the centre of the electrode found near it.</summary>
public sealed record ElectrodeClick(XrayFrame View, Vec2 Pixel, bool Snap = true);

/// <summary>
/// The cath-lab fusion of the plan with fluoroscopy, behind one small surface for the workers and the console:
/// propose an intensity registration, solve one from landmarks, measure an electrode against the plan, detect
/// electrodes. Every call is deterministic (seeded, thread-count independent) and refuses bad input with a
/// <see cref="RegistrationInputException"/> subclass naming the problem.
/// </summary>
public static class FluoroscopyFusion
{
    /// <summary>Half-width of the search for an electrode around a click, mm at the isocentre (electrodes are ~10 mm apart).</summary>
    public const double SnapRadiusMm = 3;

    /// <summary>Intensity registration of <paramref name="model"/> (model coordinates, mm) to one or two X-ray views.</summary>
    public static FusionProposal Propose(IReadOnlyList<XrayFrame> views, TriangleMesh model, ProposalOptions options)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (views.Count is < 1 or > 2)
        {
            throw new RegistrationInputException("views", $"registration takes one or two X-ray views, got {views.Count}");
        }
        var dof = options.DegreesOfFreedom == 0 ? (views.Count == 2 ? 6 : 3) : options.DegreesOfFreedom;
        if (dof is not (3 or 6))
        {
            throw new RegistrationInputException("dof", $"degrees of freedom must be 3 or 6, got {dof}");
        }
        if (dof == 6 && views.Count != 2)
        {
            throw new RegistrationInputException("dof", "6 degrees of freedom need two views (one view cannot see depth)");
        }
        var mesh = new MeshArrays(model, options.VertexWeights, options.OutlineOffsetMm);
        var centre = options.ModelCentre ?? mesh.Centroid;
        // Isocentering (seed 3): staff centre the heart in the first view, so the model centre starts at its isocentre.
        var start = options.Start ?? RigidTransform.FromTranslation(views[0].Geometry.IsocenterLps - centre);
        var settings = new InPlaneSettings(options.Method, Threads: options.Threads, DeviceSuppressionMm: options.DeviceSuppressionMm);
        if (dof == 3)
        {
            var single = InPlaneRegistration.Register(views[0], mesh, start, settings, centre);
            if (options.RefineOutlineOffsetMm is { } grow)
            {
                single = RefineGrown(views[0], model, options, grow, single, settings, centre);
            }
            return new FusionProposal(single.Pose, options.Method, 3, [new ViewAnswer(0, single.InPlane, single.MetricValue, single.Quality)],
                single.MetricValue, single.Quality.Score, single.Quality.LikelyFailure, single.Algorithm, single.Evaluations);
        }
        Func<XrayFrame, InPlaneResult, InPlaneResult>? refine = options.RefineOutlineOffsetMm is { } grown
            ? (view, answer) => RefineGrown(view, model, options, grown, answer, settings, centre)
            : null;
        var two = TwoViewRegistration.Register(views[0], views[1], mesh, start, settings, centre, options.Seed, refine);
        var answers = two.Views.Select((v, i) => new ViewAnswer(i, v.InPlane, two.MetricValues[i], v.Quality)).ToArray();
        return new FusionProposal(two.Pose, options.Method, 6, answers, two.MetricValues.Sum(), answers.Min(a => a.Quality.Score), two.LikelyFailure,
            $"{InPlaneSettings.AlgorithmVersion}+{TwoViewRegistration.AlgorithmVersion}", two.Evaluations)
        { ViewDisagreementMm = two.CentreDisagreementMm };
    }

    /// <summary>
    /// The pose from anatomical landmarks picked in two (or more) views; refuses views under 30 degrees apart
    /// (<see cref="ViewsTooCloseException"/>) and picks outside their image (<see cref="LandmarkOutsideImageException"/>),
    /// and warns under the recommended 60.
    /// </summary>
    public static LandmarkFusionResult SolveFromLandmarks(IReadOnlyList<CArmGeometry> views, IReadOnlyList<ModelLandmark> landmarks,
        IReadOnlyList<LandmarkClick> clicks, RigidTransform? initialPose = null, Vec3? targetModelPoint = null) =>
        LandmarkFusion.Solve(views, landmarks, clicks, initialPose, targetModelPoint);

    /// <summary>
    /// The electrode clicked (or detected) in two views: snapped, triangulated, brought into the model by
    /// <paramref name="modelToPatient"/>, put on the epicardium, located in the 36/18/AHA 17 segments, classified by
    /// the domain rule and measured against the target area, the nearest scar and the phrenic nerve.
    /// </summary>
    public static LeadPositionResult MeasureElectrode(IReadOnlyList<ElectrodeClick> clicks, RigidTransform modelToPatient, SegmentedSurface surface, LeadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        var points = clicks.Select((c, i) =>
        {
            var g = c.View.Geometry;
            if (!(c.Pixel.X >= -0.5 && c.Pixel.Y >= -0.5 && c.Pixel.X <= g.Columns - 0.5 && c.Pixel.Y <= g.Rows - 0.5))
            {
                throw new LandmarkOutsideImageException($"clicks[{i}]", $"electrode click {c.Pixel} lies outside the {g.Columns}x{g.Rows} image");
            }
            return new ViewPoint(g, c.Snap ? ElectrodeDetector.Snap(c.View, c.Pixel, SnapRadiusPx(g)) : c.Pixel);
        }).ToArray();
        return LeadPositionMeasurement.Measure(points, modelToPatient, surface, plan);
    }

    /// <summary>Electrode candidates, strongest first, within <paramref name="radiusMm"/> (at the isocentre) of a pixel.</summary>
    public static IReadOnlyList<ElectrodeCandidate> DetectElectrodes(XrayFrame view, Vec2 around, double radiusMm, int maxCandidates = 8)
    {
        ArgumentNullException.ThrowIfNull(view);
        var g = view.Geometry;
        return ElectrodeDetector.Detect(view, around, radiusMm * g.MagnificationAtIsocenter / Math.Sqrt(g.DetectorPixelSpacingXMm * g.DetectorPixelSpacingYMm), maxCandidates);
    }

    /// <summary>
    /// The local search with the grown model, from the first answer. Two in-plane corrections about the moving centre
    /// compose exactly by adding (the centre moves by both translations, the rotations share the beam axis), so the
    /// answer stays relative to the original start.
    /// </summary>
    private static InPlaneResult RefineGrown(XrayFrame view, TriangleMesh model, ProposalOptions options, double growMm, InPlaneResult first, InPlaneSettings settings, Vec3 centre)
    {
        var local = settings with { SearchTranslationMm = 5, SearchRotationDeg = 3, CoarseResolutionMm = 1.0, CoarseRotationStepDeg = 1.5, Candidates = 2 };
        var second = InPlaneRegistration.Register(view, new MeshArrays(model, options.VertexWeights, growMm), first.Pose, local, centre);
        var total = new InPlanePose(first.InPlane.TxMm + second.InPlane.TxMm, first.InPlane.TyMm + second.InPlane.TyMm, first.InPlane.RzDeg + second.InPlane.RzDeg);
        return second with { InPlane = total, Quality = first.Quality, Evaluations = first.Evaluations + second.Evaluations };
    }

    private static double SnapRadiusPx(CArmGeometry g) =>
        Math.Max(2, SnapRadiusMm * g.MagnificationAtIsocenter / Math.Sqrt(g.DetectorPixelSpacingXMm * g.DetectorPixelSpacingYMm));
}
