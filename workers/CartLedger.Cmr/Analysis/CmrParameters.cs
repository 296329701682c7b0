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
    /// and no contrast guard: on the real EMIDEC infarcts (bench cmr --real) a guard of 5 noise SD above the remote
    /// myocardium drops the infarct Dice from 0.556 to 0.07 (2 SD: 0.41), although on the phantom it cuts the false scar
    /// of scar-free hearts (burden error 2.55 -> 0.87 points). Missed real scar would put leads into scar, so the guard
    /// (<see cref="FwhmParameters.MinimumContrastSd"/>) stays an option until it works on real data.
    /// </summary>
    public FwhmParameters Scar { get; init; } = new(BorderMarginMm: 1.5, MinRegionMm2: 10, MinimumContrastSd: 0);
    public TrackingParameters Tracking { get; init; } = TrackingParameters.Default;
    public TargetRuleParameters Targets { get; init; } = TargetRuleParameters.Default;

    /// <summary>The cine phase that is end-diastole (SCIENCE.md 1: the first, unless tagged otherwise).</summary>
    public int EndDiastolePhase { get; init; }

    public static CmrParameters Default { get; } = new();
}
