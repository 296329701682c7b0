using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Optimisation;
using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Landmarks;

/// <summary>An anatomical landmark of the model (e.g. "CS ostium", "LV apex"), model coordinates mm.</summary>
public sealed record ModelLandmark(string Name, Vec3 ModelPoint);

/// <summary>A landmark picked by staff in one of the views (index into the views list).</summary>
public sealed record LandmarkClick(string Name, int ViewIndex, Vec2 Pixel);

/// <summary>How far a pick lies from where the solved pose projects its landmark: in pixels and in mm at its depth.</summary>
public sealed record LandmarkResidual(string Name, int ViewIndex, double ResidualPx, double ResidualMm);

/// <summary>
/// The rigid pose (model to patient LPS) from two-view landmark fusion, the residual of every pick so that staff see a
/// bad one at once, and an expected target error propagated from the fit's covariance.
/// </summary>
public sealed record LandmarkFusionResult(
    RigidTransform Pose,
    IReadOnlyList<LandmarkResidual> Residuals,
    double RmsResidualMm,
    double ViewSeparationDeg,
    double? ExpectedTargetErrorMm,
    IReadOnlyList<string> Warnings)
{
    public LandmarkResidual WorstResidual => Residuals.MaxBy(r => r.ResidualMm)!;
}

/// <summary>
/// Two-view landmark fusion (seed 2): landmarks picked in views at least 60 degrees apart give the model's 6-DOF rigid
/// pose by Levenberg-Marquardt on the reprojection error (in mm at each landmark's depth, so both views weigh alike),
/// started from the closed-form (Kabsch) fit of the landmarks triangulated in both views.
/// </summary>
public static class LandmarkFusion
{
    /// <summary>Landmarks closer than this to one line leave the rotation about it unobservable.</summary>
    private const double MinimumSpreadMm = 5;

    /// <summary>
    /// Scale of the Cauchy loss, mm at the landmark: about the accuracy of an anatomical pick on a venogram (1-3 mm,
    /// research notes section 4). Picks far beyond it are down-weighted, so one bad pick keeps its large residual
    /// instead of being smeared over the others, and staff see which one it was.
    /// </summary>
    private const double RobustScaleMm = 2.0;

    private const int ReweightingRounds = 6;

    public static LandmarkFusionResult Solve(IReadOnlyList<CArmGeometry> views, IReadOnlyList<ModelLandmark> landmarks,
        IReadOnlyList<LandmarkClick> clicks, RigidTransform? initialPose = null, Vec3? targetModelPoint = null)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(landmarks);
        ArgumentNullException.ThrowIfNull(clicks);
        var byName = LandmarkValidation.Validate(views, landmarks, clicks, MinimumSpreadMm);
        var separation = LandmarkValidation.Separation(views, clicks);
        var warnings = new List<string>();
        if (separation < Triangulation.RecommendedSeparationDeg)
        {
            warnings.Add($"views are {separation:0.#} degrees apart; seed 2 recommends at least {Triangulation.RecommendedSeparationDeg:0}");
        }
        var projections = views.Select(v => v.ToProjectionMatrix()).ToArray();
        var start = InitialPose(views, byName, clicks, initialPose);
        var centre = Centroid(clicks.Select(c => c.Name).Distinct().Select(n => start.Apply(byName[n])));
        var weights = Enumerable.Repeat(1.0, clicks.Count).ToArray();
        double[] Residuals(double[] p)
        {
            var pose = PoseParameters.ToTransform(p, centre, start);
            var r = new double[2 * clicks.Count];
            for (var k = 0; k < clicks.Count; k++)
            {
                var c = clicks[k];
                var reprojected = projections[c.ViewIndex].Project(pose.Apply(byName[c.Name]), out var depth);
                var mmPerPixel = Triangulation.PixelsToMillimetresAtDepth(views[c.ViewIndex], 1, depth);
                var w = Math.Sqrt(weights[k]);
                r[2 * k] = (reprojected.X - c.Pixel.X) * mmPerPixel * w;
                r[2 * k + 1] = (reprojected.Y - c.Pixel.Y) * mmPerPixel * w;
            }
            return r;
        }
        // Iteratively reweighted least squares for the Cauchy loss, starting from the plain least-squares fit.
        var steps = new[] { 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4 };
        var fit = LevenbergMarquardt.Minimize(Residuals, new double[6], steps, maxIterations: 200);
        for (var round = 0; round < ReweightingRounds; round++)
        {
            var unweighted = Unweighted(fit.Residuals, weights);
            for (var k = 0; k < clicks.Count; k++)
            {
                var e = Math.Sqrt(unweighted[2 * k] * unweighted[2 * k] + unweighted[2 * k + 1] * unweighted[2 * k + 1]) / RobustScaleMm;
                weights[k] = 1 / (1 + e * e);
            }
            fit = LevenbergMarquardt.Minimize(Residuals, fit.Point, steps, maxIterations: 200);
        }
        var solved = PoseParameters.ToTransform(fit.Point, centre, start);
        var errors = Unweighted(fit.Residuals, weights);
        var residuals = clicks.Select((c, k) =>
        {
            var mm = Math.Sqrt(errors[2 * k] * errors[2 * k] + errors[2 * k + 1] * errors[2 * k + 1]);
            projections[c.ViewIndex].Project(solved.Apply(byName[c.Name]), out var depth);
            return new LandmarkResidual(c.Name, c.ViewIndex, mm / Triangulation.PixelsToMillimetresAtDepth(views[c.ViewIndex], 1, depth), mm);
        }).ToArray();
        var rms = Math.Sqrt(errors.Sum(e => e * e) / clicks.Count);
        var target = targetModelPoint ?? Centroid(landmarks.Select(l => l.ModelPoint));
        return new LandmarkFusionResult(solved, residuals, rms, separation, ExpectedTargetError(fit, centre, start, target), warnings);
    }

    private static RigidTransform InitialPose(IReadOnlyList<CArmGeometry> views, IReadOnlyDictionary<string, Vec3> model,
        IReadOnlyList<LandmarkClick> clicks, RigidTransform? initialPose)
    {
        var triangulated = new List<(Vec3 Model, Vec3 Patient)>();
        foreach (var group in clicks.GroupBy(c => c.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = group.Select(c => new ViewPoint(views[c.ViewIndex], c.Pixel)).ToArray();
            if (points.Length >= 2 && LandmarkValidation.WidestSeparation(points.Select(p => p.View).ToArray()) >= Triangulation.MinimumSeparationDeg)
            {
                triangulated.Add((model[group.Key], Triangulation.Triangulate(points).PointLps));
            }
        }
        if (triangulated.Count >= 3 && LandmarkValidation.Spread(triangulated.Select(t => t.Model).ToArray()) >= MinimumSpreadMm)
        {
            return Kabsch.Fit(triangulated);
        }
        if (initialPose is { } given)
        {
            return given;
        }
        // Isocentering (seed 3): without a better guess the model's landmarks sit at the first view's isocentre.
        var modelCentre = Centroid(clicks.Select(c => model[c.Name]));
        return RigidTransform.FromTranslation(views[clicks[0].ViewIndex].IsocenterLps - modelCentre);
    }

    /// <summary>
    /// Propagates the fit's covariance, sigma^2 (J^T J)^-1 with sigma^2 from the residuals, to the target point: the 1-SD
    /// 3D error to expect there. Null when there are no spare equations to estimate sigma from.
    /// </summary>
    private static double? ExpectedTargetError(LevenbergMarquardt.Result fit, Vec3 centre, RigidTransform start, Vec3 target)
    {
        var freedom = fit.Residuals.Length - 6;
        if (freedom <= 0)
        {
            return null;
        }
        var sigma2 = fit.SumOfSquares / freedom;
        var jtj = fit.JacobianAtSolution.TransposeThisAndMultiply(fit.JacobianAtSolution);
        if (jtj.Determinant() <= 0)
        {
            return null;
        }
        var covariance = jtj.Inverse() * sigma2;
        var jt = Matrix<double>.Build.Dense(3, 6);
        const double h = 1e-4;
        for (var k = 0; k < 6; k++)
        {
            var plus = (double[])fit.Point.Clone();
            var minus = (double[])fit.Point.Clone();
            plus[k] += h;
            minus[k] -= h;
            var d = (PoseParameters.ToTransform(plus, centre, start).Apply(target) - PoseParameters.ToTransform(minus, centre, start).Apply(target)) / (2 * h);
            (jt[0, k], jt[1, k], jt[2, k]) = (d.X, d.Y, d.Z);
        }
        return Math.Sqrt((jt * covariance * jt.Transpose()).Trace());
    }

    private static double[] Unweighted(double[] weighted, double[] weights) =>
        [.. weighted.Select((r, i) => r / Math.Sqrt(weights[i / 2]))];

    internal static Vec3 Centroid(IEnumerable<Vec3> points)
    {
        var list = points.ToArray();
        return list.Aggregate(Vec3.Zero, (a, b) => a + b) / list.Length;
    }
}
