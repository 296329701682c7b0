namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>Myocardium Dice on the phantom: the mean of end-diastole and end-systole, and each.</summary>
public sealed record DiceFigures(double Mean, double Ed, double Es);

/// <summary>One phantom case's figures (the JSON's "cases" rows).</summary>
public sealed record CmrBenchCase(int Seed, string Activation, double DiceEd, double DiceEs, double HausdorffMm, double ScarBurdenPercent, double TrueScarBurdenPercent,
    double TtpErrorMs, int PrimaryFound, int PrimaryTrue, int PrimaryGraphDistance, double AnalysisSeconds);

/// <summary>
/// `bench cmr` on phantoms: the figures over <see cref="Cases"/> synthetic patients. Speed is also given as a
/// ratio to a baseline measured in the same run (one Gaussian smoothing pass over every cine image of the case).
/// </summary>
public sealed record CmrBenchResult(
    int Cases,
    int FirstSeed,
    DiceFigures DiceMyocardium,
    double HausdorffMm,
    double ScarBurdenAbsErrorPct,
    double SegmentScarAgreement,
    double TtpErrorMs,
    double PrimaryTargetExactPct,
    double PrimaryTargetWithinAdjacentPct,
    double SecondsPerStudy,
    double SecondsPerStudyMax,
    double BaselinePixelPassSeconds,
    double RatioToBaseline,
    double PhantomSecondsPerCase,
    int ProcessorCount,
    IReadOnlyList<CmrBenchCase> PerCase);
