using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>Separable blurs for the acquisition models (scatter, detector and MR point-spread functions).</summary>
public static class ImageFilters
{
    /// <summary>Repeated box blur of half-width <paramref name="radius"/> (three passes approximate a Gaussian).</summary>
    public static Image2D BoxBlur(Image2D source, int radius, int passes)
    {
        var current = source.Clone();
        for (var pass = 0; pass < passes; pass++)
        {
            current = Transpose(BoxRows(Transpose(BoxRows(current, radius)), radius));
        }
        return current;
    }

    /// <summary>3x3-support Gaussian with the given sigma in pixels.</summary>
    public static Image2D GaussianBlur3(Image2D source, double sigma)
    {
        var w1 = Math.Exp(-0.5 / (sigma * sigma));
        var norm = 1 + 2 * w1;
        float c = (float)(1 / norm), e = (float)(w1 / norm);
        var rows = new Image2D(source.Width, source.Height);
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                rows[x, y] = c * source[x, y] + e * (source[Math.Max(0, x - 1), y] + source[Math.Min(source.Width - 1, x + 1), y]);
            }
        }
        var result = new Image2D(source.Width, source.Height);
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                result[x, y] = c * rows[x, y] + e * (rows[x, Math.Max(0, y - 1)] + rows[x, Math.Min(source.Height - 1, y + 1)]);
            }
        }
        return result;
    }

    private static Image2D BoxRows(Image2D source, int radius)
    {
        var result = new Image2D(source.Width, source.Height);
        var width = source.Width;
        for (var y = 0; y < source.Height; y++)
        {
            double sum = 0;
            var count = 0;
            for (var x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                sum += source[x, y];
                count++;
            }
            for (var x = 0; x < width; x++)
            {
                result[x, y] = (float)(sum / count);
                var add = x + radius + 1;
                var remove = x - radius;
                if (add < width)
                {
                    sum += source[add, y];
                    count++;
                }
                if (remove >= 0)
                {
                    sum -= source[remove, y];
                    count--;
                }
            }
        }
        return result;
    }

    private static Image2D Transpose(Image2D source)
    {
        var result = new Image2D(source.Height, source.Width);
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                result[y, x] = source[x, y];
            }
        }
        return result;
    }
}
