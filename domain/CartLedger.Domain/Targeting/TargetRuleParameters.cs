namespace CartLedger.Domain.Targeting;

/// <summary>
/// The parameters of the target proposal rule, recorded with every proposal so it can be re-executed.
/// </summary>
/// <param name="ScarTransmuralityThresholdPercent">A segment with transmurality above this is scar (SCIENCE.md 6: any scar, i.e. &gt; 0 %).</param>
/// <param name="MinimumPeakStrainAmplitudePercent">When set, a segment whose peak strain amplitude is below it has no clear
/// activation and is excluded (TARGET used radial amplitude &gt; 10 %); null disables the check.</param>
/// <param name="SiteCount">How many late-activated sites to propose (seed 2: 3).</param>
/// <param name="ExcludeSeptum">Exclude the anteroseptal and inferoseptal halves (seed 1).</param>
public sealed record TargetRuleParameters(
    double ScarTransmuralityThresholdPercent = 0,
    double? MinimumPeakStrainAmplitudePercent = null,
    int SiteCount = 3,
    bool ExcludeSeptum = true)
{
    public double ScarTransmuralityThresholdPercent { get; } = ScarTransmuralityThresholdPercent is >= 0 and < 100
        ? ScarTransmuralityThresholdPercent
        : throw new ArgumentOutOfRangeException(nameof(ScarTransmuralityThresholdPercent), ScarTransmuralityThresholdPercent, "scar threshold must be in [0, 100) %");

    public double? MinimumPeakStrainAmplitudePercent { get; } = MinimumPeakStrainAmplitudePercent is null or (>= 0 and <= 100)
        ? MinimumPeakStrainAmplitudePercent
        : throw new ArgumentOutOfRangeException(nameof(MinimumPeakStrainAmplitudePercent), MinimumPeakStrainAmplitudePercent, "minimum strain amplitude must be 0-100 %");

    public int SiteCount { get; } = SiteCount is >= 1 and <= 12
        ? SiteCount
        : throw new ArgumentOutOfRangeException(nameof(SiteCount), SiteCount, "site count must be 1-12");

    /// <summary>SCIENCE.md 6 and seed 2: scar &gt; 0 %, septum excluded, 3 sites, no amplitude floor.</summary>
    public static TargetRuleParameters Default { get; } = new();
}
