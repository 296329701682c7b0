namespace CartLedger.Registration.Intensity;

/// <summary>
/// How much to trust a registration, from the shape of the metric landscape rather than from the truth (which the cath
/// lab never has).
/// </summary>
/// <param name="Score">0..1; below <see cref="FailureThreshold"/> the result is flagged as a likely failure.</param>
/// <param name="Distinctness">How far the winner stands above the best clearly different pose, relative to the
/// landscape's range ((best - competitor) / (best - median)); 1 when every candidate agreed.</param>
/// <param name="Prominence">How far the winner stands above the typical pose: (best - median) / (coarse best - median).</param>
/// <param name="CompetitorDistanceMm">How far the best clearly different candidate lies (in-plane mm); 0 when none.</param>
public sealed record RegistrationQuality(double Score, double Distinctness, double Prominence, double CompetitorDistanceMm)
{
    public const double FailureThreshold = 0.5;

    /// <summary>How far the answer lies from the start pose in-plane (mm).</summary>
    public double MovedMm { get; init; }

    public bool LikelyFailure => Score < FailureThreshold;
}

/// <summary>
/// The quality score's logistic coefficients: logit P(TRE &lt; 5 mm) = Intercept + PerDistinctness x distinctness +
/// PerProminence x prominence + PerMovedMm x moved (mm). Fitted by tools/registration-quality-calibration.py on
/// `bench registration --method all --cases 10 --seed 1` (the six gradient methods pooled, algorithm
/// inplane-grid-nm/3), validated on seeds 11-22; refit when the algorithm changes.
/// </summary>
internal static class QualityCalibration
{
    public const double Intercept = 5.4296;
    public const double PerDistinctness = 8.1770;

    /// <summary>Negative: a winner that scores above every pose of the coarse search (prominence over 1) is one the coarse
    /// level did not see, and such answers failed more often on the bench.</summary>
    public const double PerProminence = -3.5614;

    public const double PerMovedMm = -0.10685;
}
