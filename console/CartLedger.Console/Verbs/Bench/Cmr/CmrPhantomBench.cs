using System.Diagnostics;
using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Evaluation;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>
/// Runs the CMR chain on phantom patients of varied anatomy, scar (the seed chooses) and activation (LBBB,
/// LBBB, non-specific in turn) and scores each against its truth. Generation time is reported apart: only the
/// analysis counts as "seconds per study".
/// </summary>
public static class CmrPhantomBench
{
    private static readonly ActivationPattern[] Patterns = [ActivationPattern.Lbbb, ActivationPattern.Lbbb, ActivationPattern.NonSpecific];

    /// <summary>Scores <paramref name="cases"/> phantoms from <paramref name="firstSeed"/>; with <paramref name="scarPictures"/>, also writes one PNG per LGE slice of every case there: found scar against the phantom's (<see cref="ScarOverlay"/>).</summary>
    public static CmrBenchResult Run(int cases, int firstSeed, Action<string> progress, CancellationToken cancellationToken, string? scarPictures = null)
    {
        var scores = new List<PhantomCaseScore>();
        var rows = new List<CmrBenchCase>();
        var diagnoses = new List<TargetDiagnosis>();
        var scarDiagnoses = new List<ScarDiagnosis>();
        double generation = 0, analysisTotal = 0, analysisMax = 0, baselineTotal = 0;
        for (var i = 0; i < cases; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seed = firstSeed + i;
            var pattern = Patterns[i % Patterns.Length];
            var clock = Stopwatch.StartNew();
            // Fluoroscopy and CT are not scored here: the smallest detector and the coarse CT keep generation short.
            var patient = PhantomGenerator.Generate(PhantomOptions.CmrOnly(seed) with { Activation = pattern });
            generation += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var analysis = CmrAnalyzer.Run(patient.Cine, patient.Lge, CmrParameters.Default);
            var seconds = clock.Elapsed.TotalSeconds;
            analysisTotal += seconds;
            analysisMax = Math.Max(analysisMax, seconds);
            baselineTotal += PixelPassSeconds(patient);
            var score = PhantomScore.Of(patient, analysis);
            scores.Add(score);
            var diagnosis = TargetDiagnostics.Of(patient, analysis, CmrParameters.Default);
            diagnoses.Add(diagnosis);
            var scarDiagnosis = ScarDiagnostics.Of(patient, analysis);
            if (scarDiagnosis is not null)
            {
                scarDiagnoses.Add(scarDiagnosis);
            }
            if (scarPictures is not null && analysis.Scar is { } scar)
            {
                WritePictures(scarPictures, seed, patient, scar.Value);
            }
            rows.Add(new CmrBenchCase(seed, pattern.ToString(), score.DiceMyocardiumEd, score.DiceMyocardiumEs, score.HausdorffMmEd, score.ScarBurdenPercent,
                score.TrueScarBurdenPercent, score.MeanAbsTimeToPeakErrorMs, score.PrimaryFound, score.PrimaryTrue, score.PrimaryGraphDistance, seconds, diagnosis,
                scarDiagnosis is null ? null : ScarCase(scarDiagnosis)));
            progress($"case {i + 1}/{cases} (seed {seed}, {pattern}): Dice ED {score.DiceMyocardiumEd:F3} ES {score.DiceMyocardiumEs:F3}, burden {score.ScarBurdenPercent:F1} % (truth {score.TrueScarBurdenPercent:F1} %), " +
                $"TTP error {score.MeanAbsTimeToPeakErrorMs:F0} ms, primary {score.PrimaryFound} (truth {score.PrimaryTrue}; " +
                $"with true scar {diagnosis.PrimaryWithTrueScar}, also true orientation {diagnosis.PrimaryWithTrueScarAndOrientation}; orientation off {diagnosis.OrientationErrorDeg:F0} deg), {seconds:F1} s");
        }
        var ed = scores.Average(s => s.DiceMyocardiumEd);
        var es = scores.Average(s => s.DiceMyocardiumEs);
        var kappa = Agreement.CohensKappa(scores.SelectMany(s => s.ScarredTrue).ToList(), scores.SelectMany(s => s.ScarredFound).ToList());
        return new CmrBenchResult(
            cases,
            firstSeed,
            new DiceFigures((ed + es) / 2, ed, es),
            scores.Average(s => s.HausdorffMmEd),
            scores.Average(s => Math.Abs(s.ScarBurdenPercent - s.TrueScarBurdenPercent)),
            kappa,
            scores.Where(s => double.IsFinite(s.MeanAbsTimeToPeakErrorMs)).Average(s => s.MeanAbsTimeToPeakErrorMs),
            100.0 * scores.Count(s => s.PrimaryGraphDistance == 0) / cases,
            100.0 * scores.Count(s => s.PrimaryGraphDistance is 0 or 1) / cases,
            analysisTotal / cases,
            analysisMax,
            baselineTotal / cases,
            analysisTotal / Math.Max(baselineTotal, 1e-9),
            generation / cases,
            Environment.ProcessorCount,
            rows,
            Diagnosis(diagnoses),
            scarDiagnoses.Count == 0 ? null : ScarDiagnosis(scarDiagnoses));
    }

    private static void WritePictures(string folder, int seed, PhantomPatient patient, CartLedger.Cmr.Scar.ScarResult scar)
    {
        Directory.CreateDirectory(folder);
        var labels = ScarDiagnostics.LabelScar(patient, scar);
        for (var k = 0; k < scar.Slices.Count; k++)
        {
            var picture = ScarOverlay.Of(scar.Slices[k], labels.Slices[k].Scar);
            PngEncoder.Write(Path.Combine(folder, $"seed{seed:D2}-lge{k:D2}-cine{scar.Slices[k].Slice.CineSliceIndex:D2}.png"), picture);
        }
    }

    private static CmrScarCase ScarCase(ScarDiagnosis d)
    {
        List<CmrScarSegment> Where(bool truth, bool found) => Enumerable.Range(0, d.ScarredTrue.Count)
            .Where(i => d.ScarredTrue[i] == truth && d.Found[i] == found)
            .Select(i => new CmrScarSegment(i + 1, Math.Round(d.FoundTransmuralityPercent[i], 1), Math.Round(d.TrueTransmuralityPercent[i], 1)))
            .ToList();
        return new CmrScarCase(SegmentConfusion.Of(d.ScarredTrue, d.Found), Where(false, true), Where(true, false), SegmentConfusion.Of(d.ScarredTrue, d.FoundTrueOrientation));
    }

    private static CmrScarDiagnosis ScarDiagnosis(List<ScarDiagnosis> d)
    {
        var truth = d.SelectMany(x => x.ScarredTrue).ToList();
        List<bool> All(Func<ScarDiagnosis, IReadOnlyList<bool>> calls) => d.SelectMany(calls).ToList();
        return new CmrScarDiagnosis(
            Agreement.CohensKappa(truth, All(x => x.Found)),
            SegmentConfusion.Of(truth, All(x => x.Found)),
            Agreement.CohensKappa(truth, All(x => x.FoundTrueOrientation)),
            SegmentConfusion.Of(truth, All(x => x.FoundTrueOrientation)),
            Agreement.CohensKappa(truth, All(x => x.LabelsFoundOrientation)),
            Agreement.CohensKappa(truth, All(x => x.LabelsTrueOrientation)));
    }

    private static CmrTargetDiagnosis Diagnosis(List<TargetDiagnosis> d)
    {
        static double Percent(IEnumerable<int> distances, int most) => 100.0 * distances.Count(x => x >= 0 && x <= most) / distances.Count();
        var times = d.Select(x => x.TimeToPeakErrorMsTrueOrientation).Where(double.IsFinite).ToList();
        return new CmrTargetDiagnosis(
            d.Average(x => Math.Abs(x.OrientationErrorDeg)),
            Percent(d.Select(x => x.GraphDistanceWithTrueScar), 0),
            Percent(d.Select(x => x.GraphDistanceWithTrueScar), 1),
            Percent(d.Select(x => x.GraphDistanceWithTrueScarAndOrientation), 0),
            Percent(d.Select(x => x.GraphDistanceWithTrueScarAndOrientation), 1),
            times.Count == 0 ? double.NaN : times.Average());
    }

    /// <summary>The baseline: one 1-pixel Gaussian smoothing of every cine image of the case (touches each pixel about 14 times).</summary>
    private static double PixelPassSeconds(PhantomPatient patient)
    {
        var clock = Stopwatch.StartNew();
        foreach (var slice in patient.Cine.Slices)
        {
            foreach (var frame in slice.Frames)
            {
                _ = Smoothing.Gaussian(frame, 1.0);
            }
        }
        return clock.Elapsed.TotalSeconds;
    }
}
