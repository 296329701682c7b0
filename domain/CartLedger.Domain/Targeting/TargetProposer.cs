using System.Globalization;
using System.Text;
using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Targeting;

/// <summary>
/// The target proposal rule (SCIENCE.md 6; seed 2's predefined decision model). Excludes scar, septal segments and
/// the apical cap (and segments without clear activation), then proposes the <see cref="TargetRuleParameters.SiteCount"/>
/// latest-activated remaining segments; the primary is the most delayed. Ties are broken deterministically: equal
/// time to peak goes to the larger strain amplitude (a clearer activation), then to the lower segment number.
/// The same inputs always give the same proposal, bit for bit (seed 2 found 63 % observer agreement; ours is 100 %).
/// </summary>
public static class TargetProposer
{
    public const string RuleName = "cartledger.target-proposal";
    public const string RuleVersion = "1.0.0";

    /// <summary>Proposes targets from one measurement per 36-segment (all 36 required; the cap optional).</summary>
    /// <exception cref="ArgumentException">A segment is missing or measured twice.</exception>
    public static TargetProposal Propose(IReadOnlyCollection<SegmentMeasurement> measurements, TargetRuleParameters? parameters = null)
    {
        parameters ??= TargetRuleParameters.Default;
        var bySegment = Validate(measurements);
        var exclusions = new List<SegmentExclusion>();
        var candidates = new List<SegmentMeasurement>();
        foreach (var segment in SegmentModels.ThirtySix.Segments)
        {
            bySegment.TryGetValue(segment.Id.Number, out var measurement);
            var reasons = ReasonsToExclude(segment, measurement, parameters);
            if (reasons.Count > 0)
            {
                exclusions.Add(new SegmentExclusion(segment.Id, reasons, ExclusionLine(segment, measurement, reasons, parameters)));
            }
            else
            {
                candidates.Add(measurement!);
            }
        }
        var ranked = candidates
            .OrderByDescending(m => m.TimeToPeakMs!.Value)
            .ThenByDescending(m => m.PeakStrainAmplitudePercent ?? double.NegativeInfinity)
            .ThenBy(m => m.Segment.Number)
            .ToList();
        var sites = ranked.Take(parameters.SiteCount).Select(m => new ProposedSite(m.Segment, m.TimeToPeakMs!.Value)).ToList();
        return new TargetProposal(sites, exclusions, Explain(sites, ranked, exclusions), parameters);
    }

    private static Dictionary<int, SegmentMeasurement> Validate(IReadOnlyCollection<SegmentMeasurement> measurements)
    {
        var bySegment = new Dictionary<int, SegmentMeasurement>();
        foreach (var m in measurements)
        {
            if (!bySegment.TryAdd(m.Segment.Number, m))
            {
                throw new ArgumentException($"segment {m.Segment} is measured more than once", nameof(measurements));
            }
        }
        var missing = SegmentModels.ThirtySix.RingSegments.Where(s => !bySegment.ContainsKey(s.Id.Number)).Select(s => s.Id.Number).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"the proposal needs all 36 segments; missing: {string.Join(", ", missing)}", nameof(measurements));
        }
        return bySegment;
    }

    private static List<ExclusionReason> ReasonsToExclude(SegmentInfo segment, SegmentMeasurement? m, TargetRuleParameters p)
    {
        var reasons = new List<ExclusionReason>();
        if (segment.IsApicalCap)
        {
            reasons.Add(ExclusionReason.ApicalCap);
        }
        if (p.ExcludeSeptum && segment.IsSeptal)
        {
            reasons.Add(ExclusionReason.Septal);
        }
        if (m is not null && m.ScarTransmuralityPercent > p.ScarTransmuralityThresholdPercent)
        {
            reasons.Add(ExclusionReason.Scar);
        }
        if (m?.TimeToPeakMs is null)
        {
            reasons.Add(ExclusionReason.NoActivation);
        }
        else if (p.MinimumPeakStrainAmplitudePercent is { } floor && (m.PeakStrainAmplitudePercent ?? 0) < floor)
        {
            reasons.Add(ExclusionReason.WeakActivation);
        }
        return segment.IsApicalCap ? [ExclusionReason.ApicalCap] : reasons;
    }

    private static string ExclusionLine(SegmentInfo segment, SegmentMeasurement? m, List<ExclusionReason> reasons, TargetRuleParameters p)
    {
        var why = reasons.Select(r => r switch
        {
            ExclusionReason.ApicalCap => "apical cap (analysed, never a target; seed 2)",
            ExclusionReason.Septal => "septal (seed 1 excludes the septum)",
            ExclusionReason.Scar => $"scar (transmurality {Number(m!.ScarTransmuralityPercent)} % > {Number(p.ScarTransmuralityThresholdPercent)} %)",
            ExclusionReason.NoActivation => "no activation time measured",
            _ => $"no clear activation (peak strain amplitude {Number(m!.PeakStrainAmplitudePercent ?? 0)} % < {Number(p.MinimumPeakStrainAmplitudePercent ?? 0)} %)",
        });
        return $"{segment.Label}: {string.Join("; ", why)}";
    }

    private static string Explain(List<ProposedSite> sites, List<SegmentMeasurement> ranked, List<SegmentExclusion> exclusions)
    {
        var text = new StringBuilder();
        if (sites.Count == 0)
        {
            text.AppendLine("No target proposed: every segment is excluded.");
        }
        else
        {
            var primary = sites[0];
            text.AppendLine(CultureInfo.InvariantCulture, $"Primary target: {SegmentModels.Describe(primary.Segment).Label} (latest activation, {Number(primary.TimeToPeakMs)} ms).");
            var tied = ranked.Where(m => m.TimeToPeakMs == primary.TimeToPeakMs).Select(m => m.Segment.ToString()).ToList();
            if (tied.Count > 1)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Tie at {Number(primary.TimeToPeakMs)} ms between {string.Join(", ", tied)}: broken by larger strain amplitude, then lower segment number.");
            }
            text.AppendLine(CultureInfo.InvariantCulture, $"Sites, latest first: {string.Join(", ", sites.Select(s => $"{SegmentModels.Describe(s.Segment).Label} ({Number(s.TimeToPeakMs)} ms)"))}.");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Excluded ({exclusions.Count}):");
        foreach (var exclusion in exclusions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {exclusion.Explanation}");
        }
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
