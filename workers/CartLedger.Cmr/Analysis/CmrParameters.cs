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
    /// FWHM only where the study has hyperenhancement (a region of 20 mm^2 whose local mean is half-way from remote
    /// myocardium to blood or brighter: scar-free hearts get none), the FWHM cut never below that half-way level, specks
    /// under 20 mm^2 kept only when an adjacent slice confirms them, and epicardial fat taken out. No contrast guard: at
    /// 5 noise SD it dropped the real EMIDEC infarct Dice from 0.556 to 0.07. Figures: docs/cmr.md.
    /// </summary>
    public FwhmParameters Scar { get; init; } = new(BorderMarginMm: 1.5, MinRegionMm2: 10, MinimumContrastSd: 0, MinimumEnhancement: 0.5, MinHyperenhancedMm2: 20, ExcludeEpicardialFat: true,
        CutAtMinimumEnhancement: true, MinIsolatedRegionMm2: 20);
    public TrackingParameters Tracking { get; init; } = TrackingParameters.Default;
    public TargetRuleParameters Targets { get; init; } = TargetRuleParameters.Default;

    /// <summary>The cine phase that is end-diastole (SCIENCE.md 1: the first, unless tagged otherwise).</summary>
    public int EndDiastolePhase { get; init; }

    public static CmrParameters Default { get; } = new();
}
