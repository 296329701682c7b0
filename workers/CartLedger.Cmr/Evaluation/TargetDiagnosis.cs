using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Imaging.Phantom;

namespace CartLedger.Cmr.Evaluation;

/// <summary>
/// Why a proposal missed the phantom's true best segment: the proposal re-made with parts of the chain replaced by
/// the truth, so that a miss can be laid on the segment orientation (RV insertion), on scar, or on activation timing.
/// </summary>
/// <param name="OrientationErrorDeg">True theta of the found anterior RV insertion direction, wrapped to (-180, 180]: 0 = exact; every segment is turned by this.</param>
/// <param name="PrimaryWithTrueScar">The primary the rule proposes from the found times to peak and the true transmurality per segment.</param>
/// <param name="GraphDistanceWithTrueScar">Its adjacency steps from the true best segment.</param>
/// <param name="PrimaryWithTrueScarAndOrientation">The primary from times to peak measured with the true segment orientation, and the true transmurality: what activation timing alone gets.</param>
/// <param name="GraphDistanceWithTrueScarAndOrientation">Its adjacency steps from the true best segment.</param>
/// <param name="TimeToPeakErrorMsTrueOrientation">Mean absolute time-to-peak error over the 36 segments with the true orientation, ms.</param>
public sealed record TargetDiagnosis(
    double OrientationErrorDeg,
    int PrimaryWithTrueScar,
    int GraphDistanceWithTrueScar,
    int PrimaryWithTrueScarAndOrientation,
    int GraphDistanceWithTrueScarAndOrientation,
    double TimeToPeakErrorMsTrueOrientation);

/// <summary>Makes a <see cref="TargetDiagnosis"/> (reruns activation once with the true orientation: a few seconds).</summary>
public static class TargetDiagnostics
{
    public static TargetDiagnosis Of(PhantomPatient patient, CmrAnalysis analysis, CmrParameters parameters)
    {
        var truth = patient.Truth.Segments36.OrderBy(s => s.Segment36).ToList();
        var trueScar = new double[37];
        foreach (var s in truth)
        {
            trueScar[s.Segment36] = s.TransmuralityPercent;
        }
        var segmentation = analysis.Segmentation.Value;
        var orientationError = PhantomFrame.OrientationErrorDeg(patient, segmentation.Orientation);

        var withTrueScar = Propose(trueScar, analysis.Activation.Value, parameters.Targets);
        var trueOrientation = PhantomFrame.TrueOrientation(patient);
        var activation = ActivationAnalysis.Run(CineOrder.BaseToApex(patient.Cine), segmentation with { Orientation = trueOrientation }, parameters.Tracking);
        var withTrueFrame = Propose(trueScar, activation, parameters.Targets);
        var errors = activation.Segments
            .Where(s => s.TimeToPeakMs is not null)
            .Select(s => Math.Abs(s.TimeToPeakMs!.Value - truth[s.Segment.Number - 1].TimeToPeakStrainMs))
            .ToList();
        var primaryTrue = patient.Truth.Targets.Primary;
        return new TargetDiagnosis(
            orientationError,
            withTrueScar,
            Distance(withTrueScar, primaryTrue),
            withTrueFrame,
            Distance(withTrueFrame, primaryTrue),
            errors.Count == 0 ? double.NaN : errors.Average());
    }

    private static int Propose(double[] transmuralityPercent, ActivationResult activation, TargetRuleParameters rule) =>
        TargetProposer.Propose(CmrAnalyzer.Measurements(transmuralityPercent, activation), rule).Primary?.Number ?? 0;

    private static int Distance(int found, int truth) =>
        found == 0 || truth == 0 ? -1 : SegmentModels.ThirtySix.GraphDistance(SegmentId.Of36(found), SegmentId.Of36(truth));
}
