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
/// <param name="BorderMarginMm">
/// Width of the partial-volume margin inside each contour, mm. On LGE the blood pool and epicardial fat are as bright as
/// scar, so wall pixels that share signal with them would pass the threshold; margin pixels neither set the maximum nor
/// are thresholded: they take the scar state of the wall just inside them (readers draw LGE contours just inside the
/// wall for the same reason). 0 = plain FWHM on the given mask (e.g. an expert's myocardium).
/// </param>
/// <param name="MinRegionMm2">Scar regions (8-connected, per slice) smaller than this are removed as noise (Tao 2010's "false
/// acceptance" step); 0 keeps every pixel.</param>
/// <param name="MinimumContrastSd">
/// Scar must also be brighter than the remote myocardium by this many noise standard deviations (the n-SD criterion that
/// FWHM is usually compared with; 5 SD is the strict end of the literature's 2-6). Remote level and noise are robust
/// statistics of the whole thresholded myocardium (median, and 1.4826 x the median absolute deviation below the median:
/// scar is a minority and lies above it). FWHM alone always marks something, because the half of any maximum falls
/// inside the noise of a scar-free heart; this guard leaves such hearts without scar and does not move the cut where
/// hyperenhancement is real (there the half maximum lies far above 5 SD). 0 = plain FWHM (the seed's definition).
/// </param>
/// <param name="MinimumEnhancement">
/// Whether the study has scar at all (<see cref="Hyperenhancement"/>): some region's local mean must reach this fraction of
/// the way from remote myocardium to the blood pool; without one the study has no scar, with one the FWHM maximum is the
/// brightest pixel of those regions. 0 = plain FWHM (the seed's definition: every study has scar).
/// </param>
/// <param name="MinHyperenhancedMm2">Smallest hyperenhanced region in one slice, mm^2 (a hot pixel is not a region).</param>
/// <param name="ExcludeEpicardialFat">Drop scar regions that touch the epicardial border but not the endocardial one (<see cref="EpicardialFat"/>).</param>
/// <param name="CutAtMinimumEnhancement">
/// When hyperenhancement is judged (<see cref="MinimumEnhancement"/>), the FWHM cut is never below the level that makes a
/// region hyperenhanced: remote + minimum enhancement x (blood - remote). A pixel too dark to count towards a hyperenhanced
/// region is not scar either; without this, half of a modest maximum (floor zero) can fall below half-way to the blood
/// pool, into myocardium that only shares signal with blood (basal and apical slices, a contour slightly off).
/// </param>
/// <param name="MinIsolatedRegionMm2">Scar regions smaller than this (per slice) are kept only when an adjacent slice has scar at about the same angle (<see cref="ThroughPlaneSupport"/>); 0 keeps them.</param>
public sealed record FwhmParameters(double ThresholdFraction = 0.5, SignalFloor Floor = SignalFloor.Zero, bool FillEnclosedHoles = true, double BorderMarginMm = 0, double MinRegionMm2 = 0, double MinimumContrastSd = 0,
    double MinimumEnhancement = 0, double MinHyperenhancedMm2 = 0, bool ExcludeEpicardialFat = false, bool CutAtMinimumEnhancement = false, double MinIsolatedRegionMm2 = 0)
{

    public double MinimumContrastSd { get; } = Within(MinimumContrastSd, 0, 20, nameof(MinimumContrastSd), "minimum contrast must be 0-20 SD");

    public double MinimumEnhancement { get; } = Within(MinimumEnhancement, 0, 10, nameof(MinimumEnhancement), "minimum enhancement must be 0-10 (blood = 1)");

    public double MinHyperenhancedMm2 { get; } = Within(MinHyperenhancedMm2, 0, 500, nameof(MinHyperenhancedMm2), "smallest hyperenhanced region must be 0-500 mm^2");

    public double MinIsolatedRegionMm2 { get; } = Within(MinIsolatedRegionMm2, 0, 500, nameof(MinIsolatedRegionMm2), "smallest unconfirmed scar region must be 0-500 mm^2");

    public double MinRegionMm2 { get; } = Within(MinRegionMm2, 0, 500, nameof(MinRegionMm2), "minimum scar region must be 0-500 mm^2");

    public double BorderMarginMm { get; } = Within(BorderMarginMm, 0, 5, nameof(BorderMarginMm), "border margin must be 0-5 mm");

    public double ThresholdFraction { get; } = ThresholdFraction is > 0 and < 1
        ? ThresholdFraction
        : throw new ArgumentOutOfRangeException(nameof(ThresholdFraction), ThresholdFraction, "threshold fraction must be in (0, 1)");

    private static double Within(double value, double min, double max, string name, string rule) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, rule);

    /// <summary>The same parameters with the analyst's threshold fraction (the ScarThresholdChanged edit).</summary>
    public FwhmParameters WithThresholdFraction(double fraction) =>
        new(fraction, Floor, FillEnclosedHoles, BorderMarginMm, MinRegionMm2, MinimumContrastSd, MinimumEnhancement, MinHyperenhancedMm2, ExcludeEpicardialFat, CutAtMinimumEnhancement, MinIsolatedRegionMm2);

    public static FwhmParameters Default { get; } = new();
}
