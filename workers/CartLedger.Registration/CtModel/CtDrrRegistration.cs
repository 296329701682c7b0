using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Projection;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;

namespace CartLedger.Registration.CtModel;

/// <summary>
/// Registers the CT model set on its own (seed 1 fused CT and CMR separately): DRRs of the imported CT volume (Siddon,
/// the Imaging renderer) against the X-ray frames by gradient correlation (Penney 1998: mean NCC of the x and y
/// gradient images), in seed 3's three in-plane degrees of freedom per view. One view: 3 DOF. Two views (at least 30
/// degrees apart): the views take turns, each correcting in its own plane from the other's answer, so the depth one
/// view cannot see is seen by the other (6 DOF in all). Coarse to fine: a 240 mm field at 2.5 mm with an exhaustive
/// search of +/-40 mm and +/-9 degrees, then a 100 mm field at 1 mm, +/-5 mm and +/-3 degrees, each level re-rendering the
/// DRR at the pose so far (perspective exact at every level's start); within a level, translations shift and rotations
/// turn the rendered DRR in the image. Single-threaded and free of randomness: the same inputs give the same bits.
/// </summary>
public static class CtDrrRegistration
{
    public const string Algorithm = "ct-drr-gc-inplane/1";

    private static readonly CtSearchLevel[] Levels =
    [
        new(FieldMm: 240, Pixels: 96, SearchMm: 40, SearchDeg: 9, StepDeg: 3),
        new(FieldMm: 100, Pixels: 100, SearchMm: 5, SearchDeg: 3, StepDeg: 1),
    ];

    /// <param name="ct">The CT as attenuation (<see cref="CtModelVolume.ForFluoroscopy"/>), in the CT's own frame.</param>
    /// <param name="views">One or two X-ray frames with their C-arm geometry.</param>
    /// <param name="start">The start pose, CT frame to patient LPS (e.g. the CT model's centre at the isocentre).</param>
    /// <param name="centreCt">The CT-frame point the in-plane rotations turn about and the fields centre on (the CT model's centre).</param>
    public static CtRegistrationResult Register(AttenuationVolume ct, IReadOnlyList<XrayFrame> views, RigidTransform start, Vec3 centreCt)
    {
        if (views.Count is < 1 or > 2)
        {
            throw new RegistrationInputException("views", $"CT registration takes one or two views, got {views.Count}");
        }
        if (views.Count == 2 && views[0].Geometry.AngleBetweenViewsDeg(views[1].Geometry) is var separation && separation < Triangulation.MinimumSeparationDeg)
        {
            throw new ViewsTooCloseException("views", $"the two views are {separation:0.#} degrees apart; 6-DOF CT registration needs at least {Triangulation.MinimumSeparationDeg:0}", separation);
        }
        var pose = start;
        var answers = new CtViewAnswer[views.Count];
        foreach (var level in Levels)
        {
            for (var v = 0; v < views.Count; v++)
            {
                var step = CtInPlaneSearch.Run(ct, views[v], pose, centreCt, level);
                pose = step.InPlane.ToTransform(views[v].Geometry, pose, pose.Apply(centreCt));
                answers[v] = new CtViewAnswer(v, step.InPlane, step.Correlation, step.Prominence);
            }
        }
        var metric = answers.Average(a => a.GradientCorrelation);
        var quality = answers.Min(a => a.Prominence);
        return new CtRegistrationResult(pose, answers, metric, quality, LikelyFailure: quality < LikelyFailureProminence, Algorithm);
    }

    /// <summary>Below this prominence of the fine level's winner the answer is flagged (provisional, not calibrated).</summary>
    public const double LikelyFailureProminence = 0.3;
}

/// <summary>One coarse-to-fine level: the field (mm at the model's depth, square), its pixels, and the search ranges.</summary>
public sealed record CtSearchLevel(double FieldMm, int Pixels, double SearchMm, double SearchDeg, double StepDeg);

/// <summary>
/// One view's answer at the last level: the in-plane correction it made (relative to the pose before it), its gradient
/// correlation (-1..1) and prominence (how far the winner stands above the median of the searched poses, relative to 1 - median).
/// </summary>
public sealed record CtViewAnswer(int ViewIndex, InPlanePose InPlane, double GradientCorrelation, double Prominence);

/// <summary>
/// Pose (CT frame to patient LPS, mm), the mean gradient correlation of the views, a quality score (the weakest view's
/// prominence, 0..1) and whether that flags a likely failure.
/// </summary>
public sealed record CtRegistrationResult(RigidTransform Pose, IReadOnlyList<CtViewAnswer> Views, double MetricValue, double QualityScore, bool LikelyFailure, string Algorithm);
