namespace CartLedger.Cmr.Scar;

/// <summary>What "no signal" is when FWHM takes the half of the maximum.</summary>
public enum SignalFloor
{
    /// <summary>Zero: magnitude MR as scanners store it (the seed's definition: threshold = fraction x maximum).</summary>
    Zero,

    /// <summary>
    /// A robust minimum of the myocardium (its 10th percentile): for images rescaled with an intensity offset,
    /// where zero is not "no signal" (e.g. research PNGs). Nulled normal myocardium is the no-signal level of an
    /// LGE image, so this is the FWHM(min) variant of Engblom 2016 with a noise-robust minimum.
    /// </summary>
    MyocardialMinimum,
}

/// <summary>
/// Parameters of full-width-at-half-maximum scar segmentation (SCIENCE.md 3), recorded with every result.
/// </summary>
/// <param name="ThresholdFraction">Fraction of the maximum myocardial signal above which myocardium is scar (0.5 = FWHM; users adjust it).</param>
/// <param name="Floor">The signal level the fraction is measured from.</param>
/// <param name="FillEnclosedHoles">Count dark cores enclosed by scar within the myocardium as scar (microvascular obstruction is infarct; cmr-notes 2.2).</param>
public sealed record FwhmParameters(double ThresholdFraction = 0.5, SignalFloor Floor = SignalFloor.Zero, bool FillEnclosedHoles = true)
{
    public double ThresholdFraction { get; } = ThresholdFraction is > 0 and < 1
        ? ThresholdFraction
        : throw new ArgumentOutOfRangeException(nameof(ThresholdFraction), ThresholdFraction, "threshold fraction must be in (0, 1)");

    public static FwhmParameters Default { get; } = new();
}
