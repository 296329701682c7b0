namespace CartLedger.Registration.Similarity;

/// <summary>
/// Separable Gaussian smoothing and Sobel gradients on row-major float images, restricted to a rectangle so that the
/// model's edge band can be filtered without touching the rest of the grid. Borders replicate the edge pixel.
/// The kernel is truncated at 3 sigma, so a filtered image is exactly zero farther than that from any non-zero input.
/// </summary>
public static class ImageFilters
{
    public static float[] GaussianKernel(double sigma)
    {
        if (sigma <= 0)
        {
            return [1f];
        }
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new float[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            sum += kernel[i + radius] = (float)Math.Exp(-0.5 * i * i / (sigma * sigma));
        }
        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)(kernel[i] / sum);
        }
        return kernel;
    }

    /// <summary>Smooths <paramref name="source"/> into <paramref name="target"/> inside the rectangle [x0, x1] x [y0, y1].</summary>
    public static void Gaussian(ReadOnlySpan<float> source, Span<float> target, Span<float> scratch, int width, int height,
        float[] kernel, int x0, int y0, int x1, int y1)
    {
        var r = kernel.Length / 2;
        // Rows first into scratch, over the rows the column pass will read.
        int ya = Math.Max(0, y0 - r), yb = Math.Min(height - 1, y1 + r);
        for (var y = ya; y <= yb; y++)
        {
            var row = y * width;
            for (var x = x0; x <= x1; x++)
            {
                float acc = 0;
                for (var k = -r; k <= r; k++)
                {
                    acc += kernel[k + r] * source[row + Math.Clamp(x + k, 0, width - 1)];
                }
                scratch[row + x] = acc;
            }
        }
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                float acc = 0;
                for (var k = -r; k <= r; k++)
                {
                    acc += kernel[k + r] * scratch[Math.Clamp(y + k, ya, yb) * width + x];
                }
                target[y * width + x] = acc;
            }
        }
    }

    /// <summary>Sobel gradients divided by 8, so a unit-slope ramp has gradient 1 per pixel, inside [x0, x1] x [y0, y1].</summary>
    public static void Sobel(ReadOnlySpan<float> image, Span<float> gx, Span<float> gy, int width, int height, int x0, int y0, int x1, int y1)
    {
        for (var y = y0; y <= y1; y++)
        {
            int up = Math.Max(y - 1, 0) * width, mid = y * width, down = Math.Min(y + 1, height - 1) * width;
            for (var x = x0; x <= x1; x++)
            {
                int l = Math.Max(x - 1, 0), rr = Math.Min(x + 1, width - 1);
                var dx = (image[up + rr] - image[up + l]) + 2 * (image[mid + rr] - image[mid + l]) + (image[down + rr] - image[down + l]);
                var dy = (image[down + l] - image[up + l]) + 2 * (image[down + x] - image[up + x]) + (image[down + rr] - image[up + rr]);
                gx[mid + x] = dx * 0.125f;
                gy[mid + x] = dy * 0.125f;
            }
        }
    }

    /// <summary>The peak gradient magnitude the smoothing + Sobel pipeline gives a unit step edge: the model's edge scale.</summary>
    public static float UnitStepPeakGradient(double sigma)
    {
        const int n = 41;
        var step = new float[n * 3];
        for (var y = 0; y < 3; y++)
        {
            for (var x = n / 2; x < n; x++)
            {
                step[y * n + x] = 1f;
            }
        }
        var smooth = new float[step.Length];
        var scratch = new float[step.Length];
        Gaussian(step, smooth, scratch, n, 3, GaussianKernel(sigma), 0, 0, n - 1, 2);
        var gx = new float[step.Length];
        var gy = new float[step.Length];
        Sobel(smooth, gx, gy, n, 3, 0, 0, n - 1, 2);
        return gx.Max();
    }

    /// <summary>
    /// Grey-level opening (erosion then dilation) with a (2r+1)^2 square: removes bright structures narrower than the
    /// square (in attenuation polarity: leads, guide wires, contrast-filled veins) and keeps broad ones (the heart
    /// shadow) with their edges in place.
    /// </summary>
    public static float[] Opening(float[] image, int width, int height, int radius)
    {
        if (radius <= 0)
        {
            return image;
        }
        var eroded = Extremum(Extremum(image, width, height, radius, horizontal: true, max: false), width, height, radius, horizontal: false, max: false);
        return Extremum(Extremum(eroded, width, height, radius, horizontal: true, max: true), width, height, radius, horizontal: false, max: true);
    }

    private static float[] Extremum(float[] image, int width, int height, int radius, bool horizontal, bool max)
    {
        var result = new float[image.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var best = max ? float.NegativeInfinity : float.PositiveInfinity;
                for (var k = -radius; k <= radius; k++)
                {
                    var v = horizontal
                        ? image[y * width + Math.Clamp(x + k, 0, width - 1)]
                        : image[Math.Clamp(y + k, 0, height - 1) * width + x];
                    best = max ? Math.Max(best, v) : Math.Min(best, v);
                }
                result[y * width + x] = best;
            }
        }
        return result;
    }
}
