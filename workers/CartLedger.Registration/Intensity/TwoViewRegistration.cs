using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.Optimisation;
using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Intensity;

/// <summary>The 6-DOF pose from two views and how each view agrees with it.</summary>
/// <param name="Pose">Model to patient LPS.</param>
/// <param name="Views">Each view's single-view result (its in-plane answer) before the joint refinement.</param>
/// <param name="MetricValues">Each view's metric at <paramref name="Pose"/>, finest level.</param>
/// <param name="CentreDisagreementMm">How far apart the two single-view answers put the model centre, once
/// triangulated (mm at the centre): large values mean the views disagree, e.g. one of them failed.</param>
/// <param name="Evaluations">Metric evaluations in all stages.</param>
public sealed record TwoViewResult(RigidTransform Pose, IReadOnlyList<InPlaneResult> Views, IReadOnlyList<double> MetricValues, double CentreDisagreementMm, int Evaluations)
{
    public bool LikelyFailure => Views.Any(v => v.Quality.LikelyFailure) || CentreDisagreementMm > 5;
}

/// <summary>
/// Intensity registration with two views (e.g. LAO 40 and RAO 30), which fixes depth and the out-of-plane rotations a
/// single view cannot see: each view is registered in-plane on its own, the two answers for the model centre are
/// triangulated into a 3D start, and all six parameters are refined on the sum of both views' metrics (CMA-ES, then
/// Nelder-Mead). Deterministic: CMA-ES is seeded.
/// </summary>
public static class TwoViewRegistration
{
    private const double RefineRangeMm = 8;
    private const double RefineRangeDeg = 8;

    public static TwoViewResult Register(XrayFrame first, XrayFrame second, TriangleMesh model, RigidTransform start, InPlaneSettings settings, Vec3? modelCentre = null, int seed = 1) =>
        Register(first, second, new MeshArrays(model), start, settings, modelCentre, seed);

    /// <summary>As above, for a model already flattened (e.g. with per-vertex outline visibility weights).</summary>
    public static TwoViewResult Register(XrayFrame first, XrayFrame second, MeshArrays mesh, RigidTransform start, InPlaneSettings settings, Vec3? modelCentre = null, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(mesh);
        var separation = first.Geometry.AngleBetweenViewsDeg(second.Geometry);
        if (separation < Triangulation.MinimumSeparationDeg)
        {
            throw new ViewsTooCloseException("views", $"the two views are only {separation:0.#} degrees apart; two-view registration needs at least {Triangulation.MinimumSeparationDeg:0}", separation);
        }
        var centre = modelCentre ?? mesh.Centroid;
        XrayFrame[] frames = [first, second];
        var single = frames.Select(f => InPlaneRegistration.Register(f, mesh, start, settings, centre)).ToArray();
        var clicks = frames.Select((f, v) => new ViewPoint(f.Geometry, f.Geometry.ToProjectionMatrix().Project(single[v].Pose.Apply(centre)))).ToArray();
        var centre3D = Triangulation.Triangulate(clicks);
        var rotation = single[1].Pose.Rotation * start.Rotation.Transposed() * single[0].Pose.Rotation;
        var joint = new RigidTransform(rotation, centre3D.PointLps - rotation * centre);

        var levels = frames.Select(f => LevelFor(f, mesh, joint, centre, settings)).ToArray();
        var centreLps = joint.Apply(centre);
        double Cost(double[] p, PoseScorer[] scorers)
        {
            var pose = PoseParameters.ToTransform(p, centreLps, joint);
            return -(scorers[0].Score(levels[0], pose) + scorers[1].Score(levels[1], pose));
        }
        PoseScorer[] NewScorers() => [.. frames.Select(f => new PoseScorer(mesh, f.Geometry, joint, centreLps, settings.Method, settings.Metric, settings.MetricWindowMarginMm) { UseThickness = settings.ThicknessModel })];
        var local = new ThreadLocal<PoseScorer[]>(NewScorers);
        var global = CmaEs.Minimize(p => Cost(p, local.Value!), new double[6], [RefineRangeDeg / 3, RefineRangeDeg / 3, RefineRangeDeg / 3, RefineRangeMm / 3, RefineRangeMm / 3, RefineRangeMm / 3],
            sigma: 1, seed, populationSize: 12, maxGenerations: 25, parallel: settings.Threads > 1);
        var scorers = NewScorers();
        var polished = NelderMead.Minimize(p => Cost(p, scorers), global.Point, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], tolerance: 0.05, maxEvaluations: 200);
        var pose = PoseParameters.ToTransform(polished.Point, centreLps, joint);
        double[] values = [scorers[0].Score(levels[0], pose), scorers[1].Score(levels[1], pose)];
        return new TwoViewResult(pose, single, values, centre3D.ResidualsMm.Sum(), single.Sum(s => s.Evaluations) + 2 * (global.Evaluations + polished.Evaluations + 1));
    }

    private static FixedLevel LevelFor(XrayFrame frame, MeshArrays mesh, RigidTransform pose, Vec3 centre, InPlaneSettings settings)
    {
        var region = RegistrationRegion.Around(frame, mesh, pose, centre, settings with { SearchTranslationMm = RefineRangeMm * 2 });
        var finest = settings.RefineLevelsMm[^1];
        return FixedLevel.Create(frame.Attenuation(), region.X0, region.Y0, region.Width, region.Height, region.FactorFor(finest), region.MmPerDetectorPixel, settings.Metric,
            settings.FixedSmoothingMm, settings.DeviceSuppressionMm);
    }
}
