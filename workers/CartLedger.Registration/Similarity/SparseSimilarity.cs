namespace CartLedger.Registration.Similarity;

/// <summary>
/// Evaluates a metric between <see cref="FixedFeatures"/> and <see cref="MovingFeatures"/>, the model shifted by whole
/// grid pixels (dx, dy): the cheap inner loop of the exhaustive in-plane search, and (with no shift) of every local
/// refinement step. Model pixels that fall outside the fixed region meet a zero gradient and the mean intensity.
/// </summary>
public static class SparseSimilarity
{
    /// <param name="method">The measure.</param>
    /// <param name="fixedImage">The fixed level's features.</param>
    /// <param name="moving">The model's features.</param>
    /// <param name="dx">Shift of the model, grid pixels.</param>
    /// <param name="dy">Shift of the model, grid pixels.</param>
    /// <param name="windowMarginPx">When non-negative, GC and NCC normalise by the fixed image inside the model's
    /// (shifted) bounding box grown by this many pixels (seed 3's moving region of interest); negative: the whole level.</param>
    public static double Evaluate(SimilarityMethod method, FixedFeatures fixedImage, MovingFeatures moving, int dx = 0, int dy = 0, int windowMarginPx = -1)
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(moving);
        var window = windowMarginPx < 0 || moving.Bounds.IsEmpty
            ? fixedImage.Whole
            : fixedImage.Window(moving.Bounds.MinX + dx - windowMarginPx, moving.Bounds.MinY + dy - windowMarginPx,
                moving.Bounds.MaxX + dx + windowMarginPx, moving.Bounds.MaxY + dy + windowMarginPx);
        return method == SimilarityMethod.NormalizedCrossCorrelation
            ? Intensity(fixedImage, window, moving, dx, dy)
            : Gradient(method, fixedImage, window, moving, dx, dy);
    }

    private static double Gradient(SimilarityMethod method, FixedFeatures f, FixedFeatures.WindowSums window, MovingFeatures m, int dx, int dy)
    {
        int w = f.Width, h = f.Height;
        var (gx, gy, magnitude) = (f.Gx, f.Gy, f.Magnitude);
        var bandScale = 1.0;
        if (MetricAccumulator.NormalisesOverBand(method))
        {
            double sumWeightedSquare = 0, sumWeight = 0;
            for (var k = 0; k < m.EdgeCount; k++)
            {
                var mMagnitude = Math.Sqrt((double)m.EdgeGx[k] * m.EdgeGx[k] + (double)m.EdgeGy[k] * m.EdgeGy[k]);
                sumWeight += mMagnitude;
                int x = m.EdgeX[k] + dx, y = m.EdgeY[k] + dy;
                if ((uint)x < (uint)w && (uint)y < (uint)h)
                {
                    double fMagnitude = magnitude[y * w + x];
                    sumWeightedSquare += mMagnitude * fMagnitude * fMagnitude;
                }
            }
            bandScale = MetricAccumulator.BandScale(sumWeightedSquare, sumWeight, f.GradientFloor);
        }
        var accumulator = new MetricAccumulator(method, bandScale, m.Settings.OrientationBandFraction, m.Settings.OrientationMovingThreshold);
        for (var k = 0; k < m.EdgeCount; k++)
        {
            int x = m.EdgeX[k] + dx, y = m.EdgeY[k] + dy;
            if ((uint)x < (uint)w && (uint)y < (uint)h)
            {
                var i = y * w + x;
                accumulator.Add(gx[i], gy[i], magnitude[i], m.EdgeGx[k], m.EdgeGy[k]);
            }
            else
            {
                accumulator.Add(0, 0, 0, m.EdgeGx[k], m.EdgeGy[k]);
            }
        }
        return accumulator.Result(window);
    }

    private static double Intensity(FixedFeatures f, FixedFeatures.WindowSums window, MovingFeatures m, int dx, int dy)
    {
        double sumFm = 0, sumM = 0, sumM2 = 0;
        int w = f.Width, h = f.Height;
        for (var k = 0; k < m.CoveredCount; k++)
        {
            double value = m.CoveredValue[k];
            sumM += value;
            sumM2 += value * value;
            int x = m.CoveredX[k] + dx, y = m.CoveredY[k] + dy;
            if ((uint)x < (uint)w && (uint)y < (uint)h)
            {
                sumFm += f.Intensity[y * w + x] * value;
            }
        }
        return MetricAccumulator.Ncc(sumFm, window.Intensity, window.Intensity2, sumM, sumM2, window.Count);
    }
}
