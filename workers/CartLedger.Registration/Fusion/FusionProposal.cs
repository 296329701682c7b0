using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Fusion;

/// <summary>What <see cref="FluoroscopyFusion.Propose"/> should do.</summary>
/// <param name="Method">The similarity measure.</param>
/// <param name="DegreesOfFreedom">3: in-plane (tx, ty, rz) in the first view; 6: both views, depth and out-of-plane
/// rotations too (needs two views at least 30 degrees apart); 0 picks 3 for one view and 6 for two.</param>
/// <param name="Start">The start pose, model to patient LPS; null puts the model centre at the first view's isocentre
/// (seed 3's isocentering).</param>
/// <param name="ModelCentre">Rotation centre and TRE target, model coordinates (e.g. the LV centre); null: the vertex mean.</param>
/// <param name="VertexWeights">Per-vertex outline visibility (0..1, see Model.LeftVentricleVisibility); null weighs all 1.</param>
/// <param name="Threads">Worker threads; the answer does not depend on it.</param>
/// <param name="Seed">Seed of the 6-DOF CMA-ES stage.</param>
/// <param name="OutlineOffsetMm">Grows the model along its normals before projection: the X-ray shadow of the heart
/// ends where epicardial fat meets lung, a few mm outside the epicardium a CMR or CT model describes.</param>
/// <param name="DeviceSuppressionMm">Removes bright structures narrower than this from the X-ray before the metric
/// (leads, wires, contrast-filled veins are 1-5 mm wide); 0 keeps them.</param>
/// <param name="RefineOutlineOffsetMm">After the search (with two views: in each view), a local search (+/-5 mm, +/-3 degrees) with the
/// model grown by this much, so that the global search keeps the plain outline's capture range and the final answer
/// sits where the shadow's edge is (epicardial fat). Null skips it.</param>
public sealed record ProposalOptions(
    SimilarityMethod Method = SimilarityMethod.GradientCorrelationPositive,
    int DegreesOfFreedom = 0,
    RigidTransform? Start = null,
    Vec3? ModelCentre = null,
    IReadOnlyList<double>? VertexWeights = null,
    int Threads = 2,
    int Seed = 1,
    double OutlineOffsetMm = 0,
    double DeviceSuppressionMm = 0,
    double? RefineOutlineOffsetMm = null);

/// <summary>One view's part of a proposal.</summary>
/// <param name="ViewIndex">Index into the views given.</param>
/// <param name="InPlane">The view's in-plane correction of the start pose (its single-view answer).</param>
/// <param name="MetricValue">The metric at the proposed pose (higher is better), finest level.</param>
/// <param name="Quality">The view's quality from its metric landscape.</param>
public sealed record ViewAnswer(int ViewIndex, InPlanePose InPlane, double MetricValue, RegistrationQuality Quality);

/// <summary>
/// A proposed registration, for staff to accept or reject (the cath lab never has the truth).
/// </summary>
/// <param name="Pose">Model to patient LPS (mm).</param>
/// <param name="Method">The similarity measure.</param>
/// <param name="DegreesOfFreedom">3 or 6.</param>
/// <param name="Views">Per registered view: in-plane answer, metric, quality.</param>
/// <param name="MetricValue">The metric summed over the registered views.</param>
/// <param name="QualityScore">0..1: the weakest view's score.</param>
/// <param name="LikelyFailure">True when a view's landscape is ambiguous or the views disagree (> 5 mm).</param>
/// <param name="Algorithm">Algorithm name and version, recorded with the result.</param>
/// <param name="Evaluations">Metric evaluations spent.</param>
public sealed record FusionProposal(
    RigidTransform Pose,
    SimilarityMethod Method,
    int DegreesOfFreedom,
    IReadOnlyList<ViewAnswer> Views,
    double MetricValue,
    double QualityScore,
    bool LikelyFailure,
    string Algorithm,
    int Evaluations)
{
    /// <summary>
    /// Two views: how far apart (mm, model centre) the two orders put the heart, each view leading once (its full
    /// search, the other view then finding depth). Two views that see the same heart agree; NaN for one view.
    /// </summary>
    public double ViewDisagreementMm { get; init; } = double.NaN;
}
