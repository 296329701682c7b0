using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Similarity;

/// <summary>
/// What every metric needs from the fixed image (an X-ray region at one pyramid level, attenuation polarity: dense is
/// bright), computed once per level: intensities standardised to zero mean and unit variance, smoothed Sobel gradients
/// scaled so that a strong edge has magnitude about 1, and the region sums that GC and NCC normalise by.
/// </summary>
public sealed class FixedFeatures
{
    private FixedFeatures(int width, int height, float[] intensity, float[] gx, float[] gy, float[] magnitude, double orientationThreshold)
    {
        Width = width;
        Height = height;
        Intensity = intensity;
        Gx = gx;
        Gy = gy;
        Magnitude = magnitude;
        OrientationThreshold = orientationThreshold;
        PixelCount = width * height;
        for (var i = 0; i < PixelCount; i++)
        {
            SumGx += gx[i];
            SumGx2 += (double)gx[i] * gx[i];
            SumGy += gy[i];
            SumGy2 += (double)gy[i] * gy[i];
            SumIntensity += intensity[i];
            SumIntensity2 += (double)intensity[i] * intensity[i];
        }
    }

    public int Width { get; }
    public int Height { get; }
    public int PixelCount { get; }
    public float[] Intensity { get; }
    public float[] Gx { get; }
    public float[] Gy { get; }
    public float[] Magnitude { get; }

    /// <summary>GO's t_F in the scaled gradient units.</summary>
    public double OrientationThreshold { get; }

    public double SumGx { get; }
    public double SumGx2 { get; }
    public double SumGy { get; }
    public double SumGy2 { get; }
    public double SumIntensity { get; }
    public double SumIntensity2 { get; }

    public static FixedFeatures Create(Image2D attenuation, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(attenuation);
        ArgumentNullException.ThrowIfNull(settings);
        int w = attenuation.Width, h = attenuation.Height, n = w * h;
        var smooth = new float[n];
        ImageFilters.Gaussian(attenuation.Pixels, smooth, new float[n], w, h, ImageFilters.GaussianKernel(settings.FixedSmoothingPx), 0, 0, w - 1, h - 1);
        var gx = new float[n];
        var gy = new float[n];
        ImageFilters.Sobel(smooth, gx, gy, w, h, 0, 0, w - 1, h - 1);
        var magnitude = new float[n];
        for (var i = 0; i < n; i++)
        {
            magnitude[i] = MathF.Sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
        }
        var sorted = (float[])magnitude.Clone();
        Array.Sort(sorted);
        var scale = Percentile(sorted, settings.FixedGradientPercentile);
        var inverse = scale > 0 ? 1f / scale : 0f;
        for (var i = 0; i < n; i++)
        {
            gx[i] *= inverse;
            gy[i] *= inverse;
            magnitude[i] *= inverse;
        }
        var threshold = Percentile(sorted, settings.OrientationFixedPercentile) * inverse;
        return new FixedFeatures(w, h, Standardised(attenuation.Pixels), gx, gy, magnitude, threshold);
    }

    private static float Percentile(float[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Round(fraction * (sorted.Length - 1)), 0, sorted.Length - 1)];

    private static float[] Standardised(float[] pixels)
    {
        double sum = 0, sum2 = 0;
        foreach (var p in pixels)
        {
            sum += p;
            sum2 += (double)p * p;
        }
        var mean = sum / pixels.Length;
        var sd = Math.Sqrt(Math.Max(sum2 / pixels.Length - mean * mean, 0));
        var inverse = sd > 0 ? 1 / sd : 0;
        return [.. pixels.Select(p => (float)((p - mean) * inverse))];
    }
}
