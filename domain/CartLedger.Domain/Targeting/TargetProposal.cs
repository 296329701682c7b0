using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Targeting;

/// <summary>Why a segment cannot be a target.</summary>
public enum ExclusionReason
{
    /// <summary>Transmurality above the threshold (seed 2: "segments with myocardial scar were avoided at all times").</summary>
    Scar,

    /// <summary>Anteroseptal or inferoseptal half (seed 1: "septal segments were excluded as target areas").</summary>
    Septal,

    /// <summary>The apical cap: analysed, never a target (seed 2).</summary>
    ApicalCap,

    /// <summary>No activation time could be measured.</summary>
    NoActivation,

    /// <summary>Peak strain amplitude below the configured floor: no clear activation.</summary>
    WeakActivation,
}

/// <summary>One excluded segment and every reason that applies to it, with the explanation line.</summary>
public sealed record SegmentExclusion(SegmentId Segment, IReadOnlyList<ExclusionReason> Reasons, string Explanation);

/// <summary>One proposed site: the segment and its activation time (ms).</summary>
public sealed record ProposedSite(SegmentId Segment, double TimeToPeakMs);

/// <summary>
/// The result of the target proposal rule (SCIENCE.md 6): candidate sites from latest to earliest activation
/// (the first is the primary target), the excluded segments with reasons, and a readable explanation.
/// </summary>
public sealed record TargetProposal(
    IReadOnlyList<ProposedSite> Sites,
    IReadOnlyList<SegmentExclusion> Exclusions,
    string Explanation,
    TargetRuleParameters Parameters)
{
    /// <summary>The primary target: the most delayed candidate; null when every segment was excluded.</summary>
    public SegmentId? Primary => Sites.Count > 0 ? Sites[0].Segment : null;

    /// <summary>True when <paramref name="segment"/> was excluded for <paramref name="reason"/>.</summary>
    public bool IsExcludedFor(SegmentId segment, ExclusionReason reason) =>
        Exclusions.Any(e => e.Segment == segment && e.Reasons.Contains(reason));
}
