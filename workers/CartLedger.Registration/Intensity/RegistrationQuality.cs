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

    public bool LikelyFailure => Score < FailureThreshold;
}
