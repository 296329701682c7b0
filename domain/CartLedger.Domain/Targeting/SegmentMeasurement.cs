using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Targeting;

/// <summary>
/// What the CMR analysis found in one 36-segment: the input of the target proposal (SCIENCE.md 6).
/// </summary>
/// <param name="Segment">A 36-segment (or the 36-model apical cap).</param>
/// <param name="ScarTransmuralityPercent">Mean fraction of the wall that is scar along the segment's chords, 0-100 %.</param>
/// <param name="TimeToPeakMs">Activation time, ms from the R wave (time to peak strain); null when it could not be measured.</param>
/// <param name="PeakStrainAmplitudePercent">Peak strain amplitude (absolute value, %); null when not measured.</param>
public sealed record SegmentMeasurement(SegmentId Segment, double ScarTransmuralityPercent, double? TimeToPeakMs, double? PeakStrainAmplitudePercent = null)
{
    public SegmentId Segment { get; } = Segment.Require(SegmentModelKind.ThirtySix, nameof(Segment));

    public double ScarTransmuralityPercent { get; } = ScarTransmuralityPercent is >= 0 and <= 100
        ? ScarTransmuralityPercent
        : throw new ArgumentOutOfRangeException(nameof(ScarTransmuralityPercent), ScarTransmuralityPercent, $"segment {Segment}: transmurality must be 0-100 %");

    public double? TimeToPeakMs { get; } = TimeToPeakMs is null or (>= 0 and <= 2000)
        ? TimeToPeakMs
        : throw new ArgumentOutOfRangeException(nameof(TimeToPeakMs), TimeToPeakMs, $"segment {Segment}: time to peak must be 0-2000 ms");

    public double? PeakStrainAmplitudePercent { get; } = PeakStrainAmplitudePercent is null or (>= 0 and <= 200)
        ? PeakStrainAmplitudePercent
        : throw new ArgumentOutOfRangeException(nameof(PeakStrainAmplitudePercent), PeakStrainAmplitudePercent, $"segment {Segment}: strain amplitude must be 0-200 %");
}
