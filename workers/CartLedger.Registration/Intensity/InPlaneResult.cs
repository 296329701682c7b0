using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Intensity;

/// <summary>One refined candidate: where the local search from a coarse peak ended and how it scored at the finest level.</summary>
public sealed record RefinedCandidate(InPlanePose Start, InPlanePose Final, double Score);

/// <summary>
/// The outcome of single-view in-plane registration.
/// </summary>
/// <param name="Pose">Model to patient LPS (mm): the start pose followed by <paramref name="InPlane"/>.</param>
/// <param name="InPlane">The in-plane correction relative to the start pose, in the view's frame.</param>
/// <param name="Method">The similarity measure.</param>
/// <param name="MetricValue">Its value at the result, finest level (higher is better).</param>
/// <param name="Quality">How far to trust it.</param>
/// <param name="Candidates">Every refined candidate, best first.</param>
/// <param name="Evaluations">Metric evaluations in all stages.</param>
public sealed record InPlaneResult(
    RigidTransform Pose,
    InPlanePose InPlane,
    SimilarityMethod Method,
    double MetricValue,
    RegistrationQuality Quality,
    IReadOnlyList<RefinedCandidate> Candidates,
    int Evaluations)
{
    public string Algorithm => InPlaneSettings.AlgorithmVersion;
}
