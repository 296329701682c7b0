using CartLedger.Cmr.Evaluation;

namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>Myocardium Dice on the phantom: the mean of end-diastole and end-systole, and each.</summary>
public sealed record DiceFigures(double Mean, double Ed, double Es);

/// <summary>One phantom case's figures (the JSON's "cases" rows).</summary>
public sealed record CmrBenchCase(int Seed, string Activation, double DiceEd, double DiceEs, double HausdorffMm, double ScarBurdenPercent, double TrueScarBurdenPercent,
    double TtpErrorMs, int PrimaryFound, int PrimaryTrue, int PrimaryGraphDistance, double AnalysisSeconds, TargetDiagnosis TargetDiagnosis, CmrScarCase? ScarDiagnosis = null);

/// <summary>One case's segment scar misses: segments (36-model numbers) called scarred but not truly (with the found and true transmurality %), and missed.</summary>
public sealed record CmrScarCase(SegmentConfusion Confusion, IReadOnlyList<CmrScarSegment> FalseScarred, IReadOnlyList<CmrScarSegment> Missed, SegmentConfusion ConfusionTrueOrientation);

/// <summary>A segment's found and true transmurality, %.</summary>
public sealed record CmrScarSegment(int Segment, double FoundPercent, double TruePercent);

/// <summary>
/// Why the 36-segment scar kappa is low, pooled over the cases: the kappa and confusion counts as scored, then with the
/// phantom's true segment orientation (the RV insertion error taken out), then with the phantom's LGE scar labels in
/// place of the found scar (the scar mask taken out; found frame, then true orientation too).
/// </summary>
public sealed record CmrScarDiagnosis(
    double Kappa,
    SegmentConfusion Confusion,
    double KappaTrueOrientation,
    SegmentConfusion ConfusionTrueOrientation,
    double KappaLabelScar,
    double KappaLabelScarTrueOrientation);

/// <summary>
/// Why primary targets miss: the target figures again with the phantom's true scar per segment, then also with the true
/// segment orientation (activation re-measured), so a miss can be laid on scar, on the RV insertion, or on timing.
/// </summary>
/// <param name="OrientationErrorDegMeanAbs">Mean absolute angle between the found and the true anterior RV insertion direction.</param>
/// <param name="PrimaryTargetExactPctTrueScar">Primary target exact with the true scar per segment.</param>
/// <param name="PrimaryTargetWithinAdjacentPctTrueScar">Exact or adjacent with the true scar.</param>
/// <param name="PrimaryTargetExactPctTrueScarAndOrientation">Exact with the true scar and the true orientation: timing alone.</param>
/// <param name="PrimaryTargetWithinAdjacentPctTrueScarAndOrientation">Exact or adjacent with the true scar and orientation.</param>
/// <param name="TtpErrorMsTrueOrientation">Time-to-peak error with the true orientation.</param>
public sealed record CmrTargetDiagnosis(
    double OrientationErrorDegMeanAbs,
    double PrimaryTargetExactPctTrueScar,
    double PrimaryTargetWithinAdjacentPctTrueScar,
    double PrimaryTargetExactPctTrueScarAndOrientation,
    double PrimaryTargetWithinAdjacentPctTrueScarAndOrientation,
    double TtpErrorMsTrueOrientation);

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
    IReadOnlyList<CmrBenchCase> PerCase,
    CmrTargetDiagnosis TargetDiagnosis,
    CmrScarDiagnosis? ScarDiagnosis = null);
