using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Acquisition;

namespace CartLedger.Cmr.Evaluation;

/// <summary>How one analysis of one phantom patient compares with the phantom's truth.</summary>
/// <param name="Seed">The phantom's seed.</param>
/// <param name="DiceMyocardiumEd">3D Dice of the myocardium (all slices pooled) at end-diastole.</param>
/// <param name="DiceMyocardiumEs">The same at the phantom's end-systole (the phase of smallest true cavity).</param>
/// <param name="HausdorffMmEd">3D Hausdorff distance between myocardial boundaries at end-diastole, mm.</param>
/// <param name="ScarBurdenPercent">Measured scar burden, % of myocardium.</param>
/// <param name="TrueScarBurdenPercent">The phantom's true scar burden, %.</param>
/// <param name="ScarredFound">Per 36-segment: transmurality above 0 % found.</param>
/// <param name="ScarredTrue">Per 36-segment: truly scarred.</param>
/// <param name="MeanAbsTimeToPeakErrorMs">Mean absolute error of time to peak over the 36 segments, ms.</param>
/// <param name="PrimaryFound">The proposed primary 36-segment (0 = none).</param>
/// <param name="PrimaryTrue">The phantom's true best segment.</param>
/// <param name="PrimaryGraphDistance">Adjacency steps between them in the 36-segment model (0 exact, 1 adjacent); -1 when none was proposed.</param>
public sealed record PhantomCaseScore(
    int Seed,
    double DiceMyocardiumEd,
    double DiceMyocardiumEs,
    double HausdorffMmEd,
    double ScarBurdenPercent,
    double TrueScarBurdenPercent,
    IReadOnlyList<bool> ScarredFound,
    IReadOnlyList<bool> ScarredTrue,
    double MeanAbsTimeToPeakErrorMs,
    int PrimaryFound,
    int PrimaryTrue,
    int PrimaryGraphDistance);

/// <summary>Scores a CMR analysis against a phantom's truth (label maps of every cine image, per-segment truth, true targets).</summary>
public static class PhantomScore
{
    public static PhantomCaseScore Of(PhantomPatient patient, CmrAnalysis analysis)
    {
        var segmentation = analysis.Segmentation.Value;
        var es = TrueEndSystole(patient);
        var (diceEd, hausdorffEd) = Myocardium(patient, segmentation, segmentation.EndDiastolePhase, withHausdorff: true);
        var (diceEs, _) = Myocardium(patient, segmentation, es, withHausdorff: false);
        var truth = patient.Truth.Segments36.OrderBy(s => s.Segment36).ToList();
        var found = analysis.Measurements.OrderBy(m => m.Segment.Number).ToList();
        var ttpErrors = found.Select(m => m.TimeToPeakMs is { } t ? Math.Abs(t - truth[m.Segment.Number - 1].TimeToPeakStrainMs) : double.NaN).Where(double.IsFinite).ToList();
        var primaryFound = analysis.Proposal.Primary?.Number ?? 0;
        var primaryTrue = patient.Truth.Targets.Primary;
        var distance = primaryFound == 0 || primaryTrue == 0 ? -1 : SegmentModels.ThirtySix.GraphDistance(SegmentId.Of36(primaryFound), SegmentId.Of36(primaryTrue));
        return new PhantomCaseScore(
            patient.Truth.Seed,
            diceEd,
            diceEs,
            hausdorffEd,
            analysis.Scar?.Value.BurdenPercent ?? 0,
            patient.Truth.ScarBurdenPercent,
            found.Select(m => m.ScarTransmuralityPercent > 0).ToList(),
            truth.Select(t => t.TransmuralityPercent > 0).ToList(),
            ttpErrors.Count == 0 ? double.NaN : ttpErrors.Average(),
            primaryFound,
            primaryTrue,
            distance);
    }

    /// <summary>The phase with the smallest true LV cavity (pool pixels summed over slices).</summary>
    public static int TrueEndSystole(PhantomPatient patient)
    {
        var phases = patient.Cine.PhaseCount;
        var best = 0;
        var bestCount = long.MaxValue;
        for (var t = 0; t < phases; t++)
        {
            long count = 0;
            foreach (var slice in patient.CineLabels)
            {
                count += slice[t].Count(l => l == MrSynthesizer.LvBloodPool);
            }
            if (count < bestCount)
            {
                bestCount = count;
                best = t;
            }
        }
        return best;
    }

    private static (double Dice, double Hausdorff) Myocardium(PhantomPatient patient, CineSegmentation segmentation, int phase, bool withHausdorff)
    {
        var dice = new Overlap.DiceAccumulator();
        var truthPoints = new List<Vec3>();
        var foundPoints = new List<Vec3>();
        var ordered = CineOrder.BaseToApex(patient.Cine);
        foreach (var slice in segmentation.SlicesBaseToApex)
        {
            var index = IndexOf(patient.Cine, ordered[slice.Index]);
            var labels = patient.CineLabels[index][phase];
            var truth = new Mask2D(slice.Width, slice.Height, labels.Select(l => l is MrSynthesizer.Myocardium or MrSynthesizer.Scar ? (byte)1 : (byte)0).ToArray());
            var found = slice.HasLv ? slice.Phases[phase].MyocardiumMask(slice.Width, slice.Height) : new Mask2D(slice.Width, slice.Height);
            dice.Add(truth, found);
            if (withHausdorff)
            {
                truthPoints.AddRange(Overlap.BoundaryPoints(truth, slice.Plane));
                foundPoints.AddRange(Overlap.BoundaryPoints(found, slice.Plane));
            }
        }
        return (dice.Dice, withHausdorff ? Overlap.Hausdorff(truthPoints, foundPoints) : double.NaN);
    }

    private static int IndexOf(CineStack stack, CineSlice slice)
    {
        for (var i = 0; i < stack.Slices.Count; i++)
        {
            if (ReferenceEquals(stack.Slices[i], slice))
            {
                return i;
            }
        }
        throw new InvalidOperationException("A segmented slice is not part of the phantom's cine stack.");
    }
}
