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

    /// <summary>
    /// Slide points along the contour by template matching (texture-based tangential tracking). Off by default:
    /// SSFP myocardium carries almost no texture, and where only the boundary is visible a changing boundary
    /// shape slides points spuriously (on a synthetic LBBB heart this moved times to peak by up to 90 ms, against
    /// 15 ms with points kept on their rays). Off, each point follows its ray's boundary through the cycle.
    /// </summary>
    public bool TrackTangentialMotion { get; init; }

    /// <summary>
    /// Harmonics of the periodic Fourier fit whose minimum gives the time to peak (0 = the raw sample minimum refined
    /// by a parabola). A low-order fit over the whole cycle smooths frame-to-frame tracking noise; too few harmonics
    /// pull the minimum of an asymmetric valley (slow shortening, quick relaxation) early: fitted to noise-free
    /// synthetic LBBB strain curves sampled at 30 phases, 4 harmonics put it 5-13 ms early, 5 harmonics 2-5 ms.
    /// </summary>
    public int TimeToPeakHarmonics { get; init; } = 5;

    /// <summary>
    /// Weight of each circumferential neighbour's strain curve (same ring) pooled into a segment's curve before timing
    /// (0 = the segment alone).
    /// </summary>
    public double NeighbourWeight { get; init; }

    /// <summary>
    /// Weight of each edge neighbour's time to peak (SCIENCE.md 5 adjacency, all levels) in a segment's value on the
    /// activation map, each time also weighted by its segment's peak shortening (<see cref="ActivationMap"/>); 0 = every
    /// segment's own time. Activation spreads smoothly over the wall, while one segment's time carries its own
    /// tracking noise (15-30 ms typically, over 100 ms where a contour fails): the latest-activated segment of a
    /// noisy map is often a noise peak.
    /// </summary>
    public double MapNeighbourWeight { get; init; } = 0.5;

    public static TrackingParameters Default { get; } = new();
}
