using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;

namespace CartLedger.Domain.Tests.Targeting;

public class TargetProposerTests
{
    /// <summary>A scar-free ventricle activated later towards the anterolateral wall: TTP = 200 + segment-specific delay.</summary>
    internal static List<SegmentMeasurement> Lbbb(Func<int, double>? timeToPeakMs = null, Func<int, double>? transmurality = null) =>
        [.. Enumerable.Range(1, 36).Select(n => new SegmentMeasurement(SegmentId.Of36(n), transmurality?.Invoke(n) ?? 0, timeToPeakMs?.Invoke(n) ?? 200 + n))];

    [Fact]
    public void The_primary_target_is_the_latest_activated_segment_that_is_neither_scar_nor_septal()
    {
        // 36 is the latest but carries scar; 30 and 29 are septal; 35 is next.
        var proposal = TargetProposer.Propose(Lbbb(transmurality: n => n == 36 ? 40 : 0));
        Assert.Equal(SegmentId.Of36(35), proposal.Primary);
        Assert.Equal([35, 34, 33], proposal.Sites.Select(s => s.Segment.Number));
        Assert.True(proposal.IsExcludedFor(SegmentId.Of36(36), ExclusionReason.Scar));
        Assert.True(proposal.IsExcludedFor(SegmentId.Of36(30), ExclusionReason.Septal));
        Assert.True(proposal.IsExcludedFor(SegmentId.ApicalCap(SegmentModelKind.ThirtySix), ExclusionReason.ApicalCap));
    }

    [Fact]
    public void Any_scar_excludes_by_default_and_the_threshold_is_a_parameter()
    {
        var measurements = Lbbb(transmurality: n => n == 35 ? 0.5 : 0);
        Assert.True(TargetProposer.Propose(measurements).IsExcludedFor(SegmentId.Of36(35), ExclusionReason.Scar));
        var lenient = TargetProposer.Propose(measurements, new TargetRuleParameters(ScarTransmuralityThresholdPercent: 50));
        Assert.Contains(lenient.Sites, s => s.Segment == SegmentId.Of36(35));
    }

    [Fact]
    public void The_explanation_lists_every_excluded_segment_with_its_reasons()
    {
        var proposal = TargetProposer.Propose(Lbbb(transmurality: n => n is 9 or 10 ? 60 : n == 4 ? 20 : 0));
        // 12 septal (segment 4 is also scar), 2 scar-only, the cap.
        Assert.Equal(15, proposal.Exclusions.Count);
        Assert.Contains("36:4 basal anteroseptal 2: septal (seed 1 excludes the septum); scar (transmurality 20 % > 0 %)", proposal.Explanation, StringComparison.Ordinal);
        Assert.Contains("36:9 basal inferolateral 1: scar (transmurality 60 % > 0 %)", proposal.Explanation, StringComparison.Ordinal);
        Assert.Contains("36:cap apical cap: apical cap (analysed, never a target; seed 2)", proposal.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Primary target: 36:36 apical anterolateral 2 (latest activation, 236 ms).", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ties_go_to_the_larger_strain_amplitude_then_to_the_lower_segment_number()
    {
        var measurements = Lbbb(n => n is 21 or 23 or 11 ? 500 : 300);
        var byNumber = TargetProposer.Propose(measurements);
        Assert.Equal([11, 21, 23], byNumber.Sites.Select(s => s.Segment.Number));
        Assert.Contains("Tie at 500 ms between 36:11, 36:21, 36:23", byNumber.Explanation, StringComparison.Ordinal);

        var withAmplitude = measurements.Select(m => new SegmentMeasurement(m.Segment, 0, m.TimeToPeakMs, m.Segment.Number == 23 ? 30 : 20)).ToList();
        Assert.Equal([23, 11, 21], TargetProposer.Propose(withAmplitude).Sites.Select(s => s.Segment.Number));
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_proposal()
    {
        var random = new Random(36);
        var measurements = Lbbb(n => 150 + random.Next(0, 300), n => random.NextDouble() < 0.2 ? random.Next(1, 100) : 0);
        var reference = TargetProposer.Propose(measurements);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = measurements.OrderBy(_ => random.Next()).ToList();
            var again = TargetProposer.Propose(shuffled);
            Assert.Equal(reference.Explanation, again.Explanation);
            Assert.Equal(reference.Sites, again.Sites);
        }
    }

    [Fact]
    public void Weak_or_missing_activation_excludes_a_segment_when_configured()
    {
        var measurements = Lbbb().Select(m => m.Segment.Number switch
        {
            36 => new SegmentMeasurement(m.Segment, 0, null),
            35 => new SegmentMeasurement(m.Segment, 0, m.TimeToPeakMs, 4),
            _ => new SegmentMeasurement(m.Segment, 0, m.TimeToPeakMs, 15),
        }).ToList();
        var proposal = TargetProposer.Propose(measurements, new TargetRuleParameters(MinimumPeakStrainAmplitudePercent: 10));
        Assert.Equal(SegmentId.Of36(34), proposal.Primary);
        Assert.True(proposal.IsExcludedFor(SegmentId.Of36(36), ExclusionReason.NoActivation));
        Assert.True(proposal.IsExcludedFor(SegmentId.Of36(35), ExclusionReason.WeakActivation));
    }

    [Fact]
    public void When_every_segment_is_excluded_no_target_is_proposed_and_the_text_says_so()
    {
        var proposal = TargetProposer.Propose(Lbbb(transmurality: _ => 80));
        Assert.Null(proposal.Primary);
        Assert.StartsWith("No target proposed", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_duplicate_segments_are_rejected_with_their_numbers()
    {
        var missing = Assert.Throws<ArgumentException>(() => TargetProposer.Propose(Lbbb().Where(m => m.Segment.Number != 7).ToList()));
        Assert.Contains("missing: 7", missing.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => TargetProposer.Propose([.. Lbbb(), new SegmentMeasurement(SegmentId.Of36(5), 0, 100)]));
        Assert.Contains("36:5", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentMeasurement(SegmentId.Of36(5), 101, 100));
        Assert.Throws<ArgumentException>(() => new SegmentMeasurement(SegmentId.Of18(5), 0, 100));
    }
}
