using System.Diagnostics;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>Generates the phantom cases once and runs every selected part of the registration bench on them.</summary>
public static class RegistrationBenchRun
{
    public sealed record Settings(IReadOnlyList<string> Methods, int Cases, int FirstSeed, bool Robustness, bool Lead, int Threads, double OutlineOffsetMm, double DeviceSuppressionMm, double? RefineOffsetMm = null, int Dof = 3, string? DiagnoseDirectory = null);

    /// <summary>The outline offset the bench uses unless told otherwise (see ProposalOptions.OutlineOffsetMm).</summary>
    public const double DefaultOutlineOffsetMm = 0;

    public static int Steps(Settings s) =>
        s.Cases * (1 + s.Methods.Count) + (s.Robustness ? IntensityMethods(s).Count() * 169 : 0) + (s.Lead ? s.Cases : 0);

    public static RegistrationBenchResult Run(Settings s, Action<string> say, Action step, CancellationToken cancellationToken)
    {
        var outcomes = s.Methods.ToDictionary(m => m, _ => new List<AccuracyBench.Outcome>());
        var electrodes = new List<LeadBench.Electrode>();
        var generation = 0.0;
        BenchPatient? first = null;
        for (var i = 0; i < s.Cases; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var patient = BenchPatient.Generate(s.FirstSeed + i);
            generation += clock.Elapsed.TotalSeconds;
            first ??= patient;
            step();
            foreach (var method in s.Methods)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = AccuracyBench.Run(patient, i, method, s.Threads, s.OutlineOffsetMm, s.DeviceSuppressionMm, s.RefineOffsetMm, s.Dof, s.DiagnoseDirectory);
                outcomes[method].Add(outcome);
                say($"case {i + 1}/{s.Cases} (seed {patient.Seed}, {(s.Dof == 6 ? "LAO+RAO" : i % 2 == 0 ? "LAO" : "RAO")}) {method}: start {outcome.StartTreMm:F1} mm -> {outcome.TreMm:F2} mm{(outcome.Flagged ? " (flagged)" : "")}, {outcome.Milliseconds:F0} ms{(outcome.Detail is null ? "" : $"; {outcome.Detail}")}");
                step();
            }
            if (s.Lead)
            {
                var found = LeadBench.Run(patient);
                electrodes.AddRange(found);
                say($"case {i + 1}/{s.Cases} lead: {found.Count} electrodes, mean error {(found.Count > 0 ? found.Average(e => e.ErrorMm) : double.NaN):F2} mm, segments {found.Count(e => e.FoundSegment36 == e.TrueSegment36)}/{found.Count} right");
                step();
            }
        }
        var figures = s.Methods.Select(m => AccuracyBench.Summarise(m, outcomes[m])).ToArray();
        List<RobustnessFigures>? robustness = null;
        if (s.Robustness)
        {
            robustness = [];
            foreach (var method in IntensityMethods(s))
            {
                var figure = RobustnessBench.Run(first!, method, s.Threads, s.OutlineOffsetMm, s.DeviceSuppressionMm, k => step());
                robustness.Add(figure);
                say($"robustness {figure.Method}: median spread {figure.MedianSpreadMm:F2} mm, {figure.PercentSpreadUnder5Mm:F1} % within 5 mm, {figure.PercentTreUnder5Mm:F1} % TRE < 5 mm");
            }
        }
        var single = figures[0];
        return new RegistrationBenchResult(figures.Length == 1 ? single.Method : "all", s.Cases, s.FirstSeed, single.StartMeanTreMm,
            figures.Length == 1 ? single.MeanTreMm : double.NaN, figures.Length == 1 ? single.SdTreMm : double.NaN, figures.Length == 1 ? single.MedianTreMm : double.NaN,
            figures.Length == 1 ? single.P90TreMm : double.NaN, figures.Length == 1 ? single.SuccessRate : double.NaN, figures.Length == 1 ? single.MsPerRegistration : double.NaN,
            figures, robustness, s.Lead ? LeadBench.Summarise(electrodes) : null, generation / s.Cases, Environment.ProcessorCount);
    }

    private static IEnumerable<SimilarityMethod> IntensityMethods(Settings s) =>
        s.Methods.Where(m => m != AccuracyBench.Landmark).Select(m => SimilarityMethods.TryParse(m, out var parsed) ? parsed : throw new ArgumentException(m));
}
