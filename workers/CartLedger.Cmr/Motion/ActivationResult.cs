using CartLedger.Domain.Segments;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// Strain of one 36-segment through the cycle and its timing: endocardial circumferential strain (negative =
/// shortening) and radial strain (wall thickening, positive), both in % of end-diastole, one value per phase.
/// </summary>
/// <param name="Segment">The 36-segment.</param>
/// <param name="CircumferentialPercent">Endocardial circumferential strain per phase, %.</param>
/// <param name="RadialPercent">Radial strain (wall thickening) per phase, %.</param>
/// <param name="TimeToPeakMs">Activation time on the map, ms from the R wave: the time of the most negative circumferential strain (seed 1's
/// activation time), weighted with the edge neighbours' (<see cref="ActivationMap"/>). What the bullseye shows and the target rule reads.</param>
/// <param name="OwnTimeToPeakMs">The time of the most negative circumferential strain of this segment's own curve alone, ms.</param>
/// <param name="PeakCircumferentialPercent">That most negative strain (%).</param>
/// <param name="RadialTimeToPeakMs">Time of the highest radial strain, ms from the R wave (seed 2's late high radial amplitude).</param>
/// <param name="PeakRadialPercent">That highest radial strain (%).</param>
/// <param name="BorrowedFromNeighbourLevel">True when no slice reached this segment and its curves are those of the same sector at the nearest level.</param>
public sealed record SegmentStrain(
    SegmentId Segment,
    IReadOnlyList<double> CircumferentialPercent,
    IReadOnlyList<double> RadialPercent,
    double? TimeToPeakMs,
    double? OwnTimeToPeakMs,
    double PeakCircumferentialPercent,
    double? RadialTimeToPeakMs,
    double PeakRadialPercent,
    bool BorrowedFromNeighbourLevel);

/// <summary>
/// The mechanical activation of the LV: per-segment strain curves (the radial ones over time are seed 2's 4D
/// mechanical activation map), times to peak, and the dyssynchrony index (SD of time to peak, ms).
/// </summary>
public sealed record ActivationResult(IReadOnlyList<double> PhaseTimesMs, double RrIntervalMs, IReadOnlyList<SegmentStrain> Segments)
{
    /// <summary>
    /// Standard deviation of circumferential time to peak over the measured ring segments, ms (LBBB ~160 ms, healthy ~65 ms;
    /// cmr-notes 3.5), from each segment's own time (the map's neighbour weighting would narrow the spread).
    /// </summary>
    public double DyssynchronySdMs
    {
        get
        {
            var times = Segments.Where(s => s.OwnTimeToPeakMs is not null && !s.BorrowedFromNeighbourLevel).Select(s => s.OwnTimeToPeakMs!.Value).ToList();
            if (times.Count < 2)
            {
                return 0;
            }
            var mean = times.Average();
            return Math.Sqrt(times.Sum(t => (t - mean) * (t - mean)) / (times.Count - 1));
        }
    }

    /// <summary>Latest minus earliest circumferential time to peak (each segment's own), ms.</summary>
    public double MaximumDelayMs
    {
        get
        {
            var times = Segments.Where(s => s.OwnTimeToPeakMs is not null).Select(s => s.OwnTimeToPeakMs!.Value).ToList();
            return times.Count == 0 ? 0 : times.Max() - times.Min();
        }
    }
}
