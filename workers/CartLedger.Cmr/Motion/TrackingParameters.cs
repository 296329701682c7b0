namespace CartLedger.Cmr.Motion;

/// <summary>Parameters of contour feature tracking and strain timing, recorded with every result.</summary>
public sealed record TrackingParameters
{
    /// <summary>Half-width of the square template matched between frames, mm (about 9x9 pixels at 1.4 mm).</summary>
    public double TemplateHalfWidthMm { get; init; } = 6;

    /// <summary>Largest displacement searched between consecutive frames, mm (myocardium moves &lt; 3 mm per 30 ms frame).</summary>
    public double SearchRadiusMm { get; init; } = 4;

    /// <summary>Standard deviation of the smoothing of tangential displacements along the contour, in points (regularises the aperture problem).</summary>
    public double AlongContourSmoothingPoints { get; init; } = 3;

    /// <summary>Time to peak is searched in the first part of the cycle, as a fraction of R-R (excludes the next beat's onset).</summary>
    public double PeakWindowFractionOfRr { get; init; } = 0.8;

    public static TrackingParameters Default { get; } = new();
}
