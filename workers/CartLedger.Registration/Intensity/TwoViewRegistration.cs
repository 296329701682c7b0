using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Intensity;

/// <summary>The 6-DOF pose from two views and how each view agrees with it.</summary>
/// <param name="Pose">Model to patient LPS.</param>
/// <param name="Views">Each view's in-plane result in the chosen order: the leader's relative to the start, the
/// follower's relative to the leader's answer.</param>
/// <param name="MetricValues">Each view's metric at <paramref name="Pose"/>, finest level.</param>
/// <param name="CentreDisagreementMm">How far apart the two orders (each view leading once) put the model centre (mm):
/// large values mean the views disagree, e.g. one of them failed.</param>
/// <param name="Evaluations">Metric evaluations in all stages.</param>
public sealed record TwoViewResult(RigidTransform Pose, IReadOnlyList<InPlaneResult> Views, IReadOnlyList<double> MetricValues, double CentreDisagreementMm, int Evaluations)
{
    public bool LikelyFailure => Views.Any(v => v.Quality.LikelyFailure) || CentreDisagreementMm > 5;
}

/// <summary>
/// Intensity registration with two views (e.g. LAO 40 and RAO 30), which fixes depth and the out-of-plane rotations a
/// single view cannot see. One view leads with the full single-view in-plane search (optionally refined); the other
/// follows from the leader's answer with a narrower search (it only has to find the start's depth error); the two
/// answers' model centres are triangulated and the follower's in-plane rotation added about its beam without undoing
/// the leader's. Both orders are run; the one whose pose scores higher on both views' summed metric wins, and their
/// distance says whether the views agree. Deterministic (no random stage; <c>seed</c> is kept for callers).
/// </summary>
public static class TwoViewRegistration
{
    /// <summary>The algorithm name and version of the two-view stage; bump it when results can change.</summary>
    public const string AlgorithmVersion = "twoview-lead-follow/2";

    /// <summary>Half-width of the follower view's translation search (it looks for the depth error of the start).</summary>
    private const double FollowerSearchMm = 20;

    public static TwoViewResult Register(XrayFrame first, XrayFrame second, TriangleMesh model, RigidTransform start, InPlaneSettings settings, Vec3? modelCentre = null, int seed = 1) =>
        Register(first, second, new MeshArrays(model), start, settings, modelCentre, seed);

    /// <summary>
    /// As above, for a model already flattened (e.g. with per-vertex outline visibility weights).
    /// <paramref name="refineView"/>, when given, refines each view's in-plane answer (e.g. with the model grown by the
    /// epicardial fat) before the views are combined.
    /// </summary>
    public static TwoViewResult Register(XrayFrame first, XrayFrame second, MeshArrays mesh, RigidTransform start, InPlaneSettings settings, Vec3? modelCentre = null, int seed = 1,
        Func<XrayFrame, InPlaneResult, InPlaneResult>? refineView = null)
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
        InPlaneResult Single(XrayFrame f, RigidTransform from, InPlaneSettings s)
        {
            var answer = InPlaneRegistration.Register(f, mesh, from, s, centre);
            return refineView is null ? answer : refineView(f, answer);
        }
        // Each view in turn leads: its full in-plane search fixes two of the three translations, so the other view
        // only has to find the start's depth error (along the leader's beam), which it sees in-plane: its search is
        // narrower, and a wrong peak far from the leader's answer is out of reach.
        var follow = settings with { SearchTranslationMm = FollowerSearchMm };
        var orders = new (InPlaneResult[] Single, RigidTransform Pose, double Metric, int Evaluations)[2];
        for (var leader = 0; leader < 2; leader++)
        {
            var lead = Single(frames[leader], start, settings);
            var next = Single(frames[1 - leader], lead.Pose, follow);
            InPlaneResult[] pair = leader == 0 ? [lead, next] : [next, lead];
            var combined = Sequential(frames, pair, leader, centre);
            orders[leader] = (pair, combined, InPlaneRegistration.Score(frames[0], mesh, combined, settings, centre) + InPlaneRegistration.Score(frames[1], mesh, combined, settings, centre),
                lead.Evaluations + next.Evaluations + 2);
        }
        var best = orders[1].Metric > orders[0].Metric ? 1 : 0;
        var pose = orders[best].Pose;
        // The two orders agree when both leaders found the same heart: the distance of their model centres.
        var disagreement = (orders[0].Pose.Apply(centre) - orders[1].Pose.Apply(centre)).Length;
        double[] values = [InPlaneRegistration.Score(frames[0], mesh, pose, settings, centre), InPlaneRegistration.Score(frames[1], mesh, pose, settings, centre)];
        return new TwoViewResult(pose, orders[best].Single, values, disagreement, orders.Sum(o => o.Evaluations) + 2);
    }

    /// <summary>
    /// The pose from a leader's in-plane answer and the follower's answer found from it: the centre where the two views'
    /// centres triangulate, and the smallest rotation that adds the follower's in-plane rotation about its beam while
    /// leaving the leader's (no component about the leader's beam).
    /// </summary>
    internal static RigidTransform Sequential(XrayFrame[] frames, InPlaneResult[] single, int leader, Vec3 centre)
    {
        var clicks = frames.Select((f, v) => new ViewPoint(f.Geometry, f.Geometry.ToProjectionMatrix().Project(single[v].Pose.Apply(centre)))).ToArray();
        var centre3D = Triangulation.Triangulate(clicks);
        var bl = frames[leader].Geometry.SourceToDetectorDirection;
        var bf = frames[1 - leader].Geometry.SourceToDetectorDirection;
        var d = bl.Dot(bf);
        var c = single[1 - leader].InPlane.RzDeg / (1 - d * d);
        var rotation = PoseParameters.FromRotationVectorDeg(bf * c - bl * (d * c)) * single[leader].Pose.Rotation;
        return new RigidTransform(rotation, centre3D.PointLps - rotation * centre);
    }
}
