using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Pixels;

/// <summary>
/// Separable Gaussian smoothing with edge clamping. Kernel weights are normalised once and applied in a fixed
/// order, so the result is bit-identical on every run and machine with IEEE doubles.
/// </summary>
public static class Smoothing
{
    /// <summary>Gaussian blur with standard deviation <paramref name="sigmaPx"/> pixels (0 returns a copy).</summary>
    public static Image2D Gaussian(Image2D image, double sigmaPx)
    {
        if (sigmaPx <= 0)
        {
            return image.Clone();
        }
        var kernel = Kernel(sigmaPx);
        var w = image.Width;
        var h = image.Height;
        var temp = new float[w * h];
        var output = new float[w * h];
        var radius = kernel.Length / 2;
        var src = image.Pixels;
        for (var y = 0; y < h; y++)
        {
            var row = y * w;
            for (var x = 0; x < w; x++)
            {
                double sum = 0;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += kernel[k + radius] * src[row + Math.Clamp(x + k, 0, w - 1)];
                }
                temp[row + x] = (float)sum;
            }
        }
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                double sum = 0;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += kernel[k + radius] * temp[Math.Clamp(y + k, 0, h - 1) * w + x];
                }
                output[y * w + x] = (float)sum;
            }
        }
        return new Image2D(w, h, output);
    }

    private static double[] Kernel(double sigma)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new double[2 * radius + 1];
        double total = 0;
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
            total += kernel[i + radius];
        }
        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= total;
        }
        return kernel;
    }
}
