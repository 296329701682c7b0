using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Surface;
using CartLedger.Domain.Targeting;
using CartLedger.Domain.Values;

namespace CartLedger.Cmr.Analysis;

/// <summary>One step's result with what a computed event records about it (algorithm, parameters, input and output hashes) and how long it took.</summary>
public sealed record StepResult<T>(T Value, AlgorithmInfo Algorithm, TimeSpan Elapsed);

/// <summary>
/// Everything the CMR chain produced for one study: contours, scar, activation, mesh, the per-segment
/// measurements the target rule read, the proposal, and warnings a reviewer should see.
/// </summary>
public sealed record CmrAnalysis(
    StepResult<CineSegmentation> Segmentation,
    StepResult<ScarResult>? Scar,
    StepResult<ActivationResult> Activation,
    StepResult<EpicardialMesh> Mesh,
    IReadOnlyList<SegmentMeasurement> Measurements,
    TargetProposal Proposal,
    IReadOnlyList<string> Warnings)
{
    public TimeSpan Elapsed => Segmentation.Elapsed + (Scar?.Elapsed ?? TimeSpan.Zero) + Activation.Elapsed + Mesh.Elapsed;
}
