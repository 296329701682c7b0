namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// One method's accuracy over the cases (the JSON's "methods" rows); TREs in mm, seed 3's in-plane definition.
/// <see cref="SearchFailures"/>: failures where the metric scores the true pose above the answer (the search missed it).
/// </summary>
public sealed record MethodFigures(
    string Method,
    int Cases,
    double StartMeanTreMm,
    double MeanTreMm,
    double SdTreMm,
    double MedianTreMm,
    double P90TreMm,
    double MaxTreMm,
    double SuccessRate,
    double MsPerRegistration,
    double FlaggedRate,
    double FlaggedAmongFailuresRate,
    int SearchFailures,
    IReadOnlyList<double> TresMm)
{
    /// <summary>Per single-view case: TRE and the quality score's inputs (the data the score is calibrated on).</summary>
    public IReadOnlyList<CaseRow> CaseRows { get; init; } = [];
}

/// <summary>One single-view registration: seed, view (0 LAO, 1 RAO), in-plane TRE (mm), the quality score with its inputs, and how far the answer moved from the start in-plane (mm).</summary>
public sealed record CaseRow(int Seed, int View, double TreMm, double Quality, double Distinctness, double Prominence, double CompetitorDistanceMm, double MetricValue, double MovedMm);

/// <summary>Seed 3's robustness protocol on the first case: 169 starts on a 13 x 13 grid.</summary>
public sealed record RobustnessFigures(string Method, int Starts, double MedianSpreadMm, double PercentSpreadUnder5Mm, double PercentTreUnder5Mm, double MeanTreMm);

/// <summary>Electrode triangulation and segment classification against the phantom's truth.</summary>
public sealed record LeadFigures(int Electrodes, double MeanTriangulationErrorMm, double MaxTriangulationErrorMm, double Segment36Accuracy, double Segment36WithinAdjacentAccuracy);

/// <summary>`bench registration --json`: one object; with a single method its figures are also at the top level.</summary>
public sealed record RegistrationBenchResult(
    string Method,
    int Cases,
    int FirstSeed,
    double StartMeanTreMm,
    double MeanTreMm,
    double SdTreMm,
    double MedianTreMm,
    double P90TreMm,
    double SuccessRate,
    double MsPerRegistration,
    IReadOnlyList<MethodFigures> Methods,
    IReadOnlyList<RobustnessFigures>? Robustness,
    LeadFigures? Lead,
    double PhantomSecondsPerCase,
    int ProcessorCount);
