using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Similarity;

/// <summary>
/// The textbook evaluation of every metric between two whole images of the same size: smooth both, take Sobel
/// gradients of both, visit every pixel. It is the reference that <see cref="SparseSimilarity"/> must agree with, works
/// for any moving image (a DRR, not only a model's coverage) and is the naive baseline of the speed benchmark.
/// </summary>
public static class DenseSimilarity
{
    /// <summary>The fixed image is the X-ray region in attenuation polarity (dense is bright); the moving image lies on the same grid.</summary>
    public static double Evaluate(SimilarityMethod method, Image2D fixedAttenuation, Image2D moving, MetricSettings settings) =>
        Evaluate(method, FixedFeatures.Create(fixedAttenuation, settings), moving, settings);

    public static double Evaluate(SimilarityMethod method, FixedFeatures f, Image2D moving, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(moving);
        if (moving.Width != f.Width || moving.Height != f.Height)
        {
            throw new ArgumentException($"The moving image is {moving.Width}x{moving.Height} but the fixed image is {f.Width}x{f.Height}.", nameof(moving));
        }
        int w = f.Width, h = f.Height, n = w * h;
        if (method == SimilarityMethod.NormalizedCrossCorrelation)
        {
            double sumFm = 0, sumM = 0, sumM2 = 0;
            for (var i = 0; i < n; i++)
            {
                double value = moving.Pixels[i];
                sumM += value;
                sumM2 += value * value;
                sumFm += f.Intensity[i] * value;
            }
            return MetricAccumulator.Ncc(sumFm, f.SumIntensity, f.SumIntensity2, sumM, sumM2, n);
        }
        var smooth = new float[n];
        ImageFilters.Gaussian(moving.Pixels, smooth, new float[n], w, h, ImageFilters.GaussianKernel(settings.MovingSmoothingPx), 0, 0, w - 1, h - 1);
        var gx = new float[n];
        var gy = new float[n];
        ImageFilters.Sobel(smooth, gx, gy, w, h, 0, 0, w - 1, h - 1);
        var scale = 1f / ImageFilters.UnitStepPeakGradient(settings.MovingSmoothingPx);
        var bandScale = 1.0;
        if (MetricAccumulator.NormalisesOverBand(method))
        {
            double sumWeightedSquare = 0, sumWeight = 0;
            for (var i = 0; i < n; i++)
            {
                double mx = gx[i] * scale, my = gy[i] * scale;
                if (mx != 0 || my != 0)
                {
                    var mMagnitude = Math.Sqrt(mx * mx + my * my);
                    sumWeight += mMagnitude;
                    sumWeightedSquare += mMagnitude * f.Magnitude[i] * f.Magnitude[i];
                }
            }
            bandScale = MetricAccumulator.BandScale(sumWeightedSquare, sumWeight, f.GradientFloor);
        }
        var accumulator = new MetricAccumulator(method, bandScale, settings.OrientationBandFraction, settings.OrientationMovingThreshold);
        for (var i = 0; i < n; i++)
        {
            accumulator.Add(f.Gx[i], f.Gy[i], f.Magnitude[i], gx[i] * scale, gy[i] * scale);
        }
        return accumulator.Result(f.Whole);
    }
}
