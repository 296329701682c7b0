namespace CartLedger.Imaging.Phantom.Truth;

/// <summary>
/// Ground truth of one 36-segment, measured on the realised model (not copied from the request).
/// </summary>
/// <param name="Segment36">1..36.</param>
/// <param name="Name">e.g. "mid-anterolateral 1".</param>
/// <param name="Segment18">The 18-segment it belongs to.</param>
/// <param name="IsSeptal">Anteroseptal or inferoseptal half (never a target).</param>
/// <param name="TransmuralityPercent">SCIENCE.md section 3: mean over radial chords of the chord fraction that is scar (density >= 0.5).</param>
/// <param name="ScarAreaPercent">Share of the segment's chords that cross any scar.</param>
/// <param name="ActivationDelayMs">Mean electrical activation delay (model input) over the segment.</param>
/// <param name="TimeToPeakStrainMs">Time from the R wave to the most negative segmental endocardial circumferential strain.</param>
/// <param name="PeakStrainPercent">That most negative strain, percent.</param>
public sealed record SegmentTruth(int Segment36, string Name, int Segment18, bool IsSeptal, double TransmuralityPercent, double ScarAreaPercent,
    double ActivationDelayMs, double TimeToPeakStrainMs, double PeakStrainPercent);

/// <summary>The true targets under SCIENCE.md section 6 (rule version recorded so scores can be re-derived).</summary>
/// <param name="Rule">Human-readable statement of the rule applied.</param>
/// <param name="Primary">The primary target 36-segment.</param>
/// <param name="Targets">The three target segments, most delayed first.</param>
public sealed record TargetTruth(string Rule, int Primary, IReadOnlyList<int> Targets);
