namespace CartLedger.Registration.Similarity;

/// <summary>
/// The parameters every metric evaluation depends on; recorded with each registration so that it can be re-executed.
/// </summary>
/// <param name="FixedSmoothingPx">Gaussian sigma applied to the X-ray before its Sobel gradients (grid pixels): suppresses
/// quantum noise, which otherwise dominates gradient magnitudes at fine levels.</param>
/// <param name="MovingSmoothingPx">Gaussian sigma applied to the model's coverage image: widens the edge band so that a
/// slightly misplaced edge still overlaps, and keeps the metric smooth in the pose.</param>
/// <param name="FixedGradientPercentile">Fixed gradient magnitudes are divided by this percentile over the region, so
/// that a strong edge has magnitude about 1, comparable with the model's unit edge. GI and GO are invariant to it (they
/// normalise over the model's edge band); until inplane-grid-nm/3 GI used it directly.</param>
/// <param name="FixedFloorPercentile">The X-ray's gradient floor (epsilon) as this percentile of its magnitudes over the
/// region (the median, as Grupp's xReg takes GO's thresholds; a rank, so independent of the detector's units). GI and GO divide the
/// X-ray's gradient by sqrt(band mean square + epsilon^2), so a flat region's noise is not blown up to an edge.</param>
/// <param name="OrientationBandFraction">GO's t_F relative to the model's edge band: a pixel counts where the X-ray's
/// band-normalised gradient magnitude exceeds this fraction (half the outline's typical edge).</param>
/// <param name="OrientationMovingThreshold">GO's t_M, as a fraction of a unit model edge.</param>
public sealed record MetricSettings(
    double FixedSmoothingPx = 1.5,
    double MovingSmoothingPx = 0.0,
    double FixedGradientPercentile = 0.98,
    double FixedFloorPercentile = 0.5,
    double OrientationBandFraction = 0.5,
    double OrientationMovingThreshold = 0.1)
{
    public static readonly MetricSettings Default = new();
}
