using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Targeting;

namespace CartLedger.Cmr.Analysis;

/// <summary>All parameters of the CMR chain; each step records its own part with its result.</summary>
public sealed record CmrParameters
{
    public SegmentationParameters Segmentation { get; init; } = SegmentationParameters.Default;
    /// <summary>
    /// FWHM with a partial-volume margin (contours come from the cine, not drawn on the LGE), without specks below 10 mm^2,
    /// and only where the signal is also 5 noise SD above the remote myocardium (no false scar in scar-free hearts).
    /// </summary>
    public FwhmParameters Scar { get; init; } = new(BorderMarginMm: 1.5, MinRegionMm2: 10, MinimumContrastSd: 5);
    public TrackingParameters Tracking { get; init; } = TrackingParameters.Default;
    public TargetRuleParameters Targets { get; init; } = TargetRuleParameters.Default;

    /// <summary>The cine phase that is end-diastole (SCIENCE.md 1: the first, unless tagged otherwise).</summary>
    public int EndDiastolePhase { get; init; }

    public static CmrParameters Default { get; } = new();
}
