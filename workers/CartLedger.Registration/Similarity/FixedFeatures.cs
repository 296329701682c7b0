using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Similarity;

/// <summary>
/// What every metric needs from the fixed image (an X-ray region at one pyramid level, attenuation polarity: dense is
/// bright), computed once per level: intensities standardised to zero mean and unit variance, smoothed Sobel gradients
/// scaled so that a strong edge has magnitude about 1, and the region sums that GC and NCC normalise by.
/// </summary>
public sealed class FixedFeatures
{
    private FixedFeatures(int width, int height, float[] intensity, float[] gx, float[] gy, float[] magnitude, double gradientFloor)
    {
        Width = width;
        Height = height;
        Intensity = intensity;
        Gx = gx;
        Gy = gy;
        Magnitude = magnitude;
        GradientFloor = gradientFloor;
        PixelCount = width * height;
        _integral = new double[Channels * (width + 1) * (height + 1)];
        for (var i = 0; i < PixelCount; i++)
        {
            SumGx += gx[i];
            SumGx2 += (double)gx[i] * gx[i];
            SumGy += gy[i];
            SumGy2 += (double)gy[i] * gy[i];
            SumIntensity += intensity[i];
            SumIntensity2 += (double)intensity[i] * intensity[i];
        }
        BuildIntegral();
    }

    private const int Channels = 6;

    /// <summary>Summed-area tables of gx, gx^2, gy, gy^2, I, I^2: ((y + 1) * (Width + 1) + x + 1) * Channels + c holds the sum over [0, x] x [0, y].</summary>
    private readonly double[] _integral;

    private void BuildIntegral()
    {
        var stride = Width + 1;
        Span<double> row = stackalloc double[Channels];
        for (var y = 0; y < Height; y++)
        {
            row.Clear();
            for (var x = 0; x < Width; x++)
            {
                var i = y * Width + x;
                row[0] += Gx[i];
                row[1] += (double)Gx[i] * Gx[i];
                row[2] += Gy[i];
                row[3] += (double)Gy[i] * Gy[i];
                row[4] += Intensity[i];
                row[5] += (double)Intensity[i] * Intensity[i];
                var to = ((y + 1) * stride + x + 1) * Channels;
                var above = (y * stride + x + 1) * Channels;
                for (var c = 0; c < Channels; c++)
                {
                    _integral[to + c] = _integral[above + c] + row[c];
                }
            }
        }
    }

    /// <summary>
    /// The region sums over the inclusive window [x0, x1] x [y0, y1] (clipped to the image), in O(1): what GC and NCC
    /// normalise by when the metric looks through a window that moves with the model, as seed 3's region of interest does.
    /// </summary>
    public WindowSums Window(int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, Width - 1);
        x1 = Math.Clamp(x1, 0, Width - 1);
        y0 = Math.Clamp(y0, 0, Height - 1);
        y1 = Math.Clamp(y1, 0, Height - 1);
        var stride = Width + 1;
        int a = (y0 * stride + x0) * Channels, b = (y0 * stride + x1 + 1) * Channels, c = ((y1 + 1) * stride + x0) * Channels, d = ((y1 + 1) * stride + x1 + 1) * Channels;
        double Sum(int k) => _integral[d + k] - _integral[b + k] - _integral[c + k] + _integral[a + k];
        return new WindowSums((x1 - x0 + 1) * (y1 - y0 + 1), Sum(0), Sum(1), Sum(2), Sum(3), Sum(4), Sum(5));
    }

    /// <summary>The sums over the whole image.</summary>
    public WindowSums Whole => new(PixelCount, SumGx, SumGx2, SumGy, SumGy2, SumIntensity, SumIntensity2);

    public int Width { get; }
    public int Height { get; }
    public int PixelCount { get; }
    public float[] Intensity { get; }
    public float[] Gx { get; }
    public float[] Gy { get; }
    public float[] Magnitude { get; }

    /// <summary>
    /// The gradient floor epsilon in the scaled units (the median magnitude over the region): GI and GO normalise the
    /// X-ray's gradients under the model's edge band by sqrt(band mean square + epsilon^2).
    /// </summary>
    public double GradientFloor { get; }

    public double SumGx { get; }
    public double SumGx2 { get; }
    public double SumGy { get; }
    public double SumGy2 { get; }
    public double SumIntensity { get; }
    public double SumIntensity2 { get; }

    /// <summary>Fixed-image sums over a window: pixel count, gx, gx^2, gy, gy^2, intensity, intensity^2.</summary>
    public readonly record struct WindowSums(int Count, double Gx, double Gx2, double Gy, double Gy2, double Intensity, double Intensity2);

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
        var floor = Percentile(sorted, settings.FixedFloorPercentile) * inverse;
        return new FixedFeatures(w, h, Standardised(attenuation.Pixels), gx, gy, magnitude, floor);
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
