namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Every tunable of the classical LV segmenter, recorded with each result (part of its algorithm identity).
/// Defaults are set for 1.2-2.2 mm SSFP cine at 1.5 T and adult LV sizes; they are physical (mm, fractions),
/// never tied to one scanner or data set.
/// </summary>
public sealed record SegmentationParameters
{
    /// <summary>Rays per contour (96 = 3.75 degrees, about 1.5 mm of arc at a 25 mm radius).</summary>
    public int AngleCount { get; init; } = 96;

    /// <summary>Radial sampling step along each ray, mm.</summary>
    public double RadialStepMm { get; init; } = 0.5;

    /// <summary>Longest ray, mm: beyond any LV epicardium (dilated LVs reach ~45 mm radius).</summary>
    public double MaxRadiusMm { get; init; } = 60;

    /// <summary>Gaussian smoothing before edge search, mm.</summary>
    public double SmoothingMm { get; init; } = 1.0;

    /// <summary>Blood pool area accepted at one level, mm^2 (below: beyond the apex; above: not an LV).</summary>
    public double MinPoolAreaMm2 { get; init; } = 40;

    public double MaxPoolAreaMm2 { get; init; } = 9000;

    /// <summary>Largest radius change between neighbouring rays, mm (limits jumps into papillary muscles or the RV).</summary>
    public double MaxStepMm { get; init; } = 1.5;

    /// <summary>Penalty per squared radial step (in samples) relative to a unit edge cost: the contour's stiffness.</summary>
    public double StepPenalty { get; init; } = 0.02;

    /// <summary>Myocardial wall thickness range, mm (thinned scar ~3 mm; hypertrophy ~20 mm).</summary>
    public double MinWallMm { get; init; } = 3;

    public double MaxWallMm { get; init; } = 20;

    /// <summary>How strongly a contour is held to the previous phase's (temporal propagation), per (mm / 1 mm)^2.</summary>
    public double TemporalWeight { get; init; } = 0.02;

    /// <summary>Weight of the wall-thickness prior, per (mm / 1 mm)^2 of deviation from the slice's typical thickness.</summary>
    public double ThicknessWeight { get; init; } = 0.01;

    public static SegmentationParameters Default { get; } = new();
}
