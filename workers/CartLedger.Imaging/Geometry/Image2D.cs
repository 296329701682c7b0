namespace CartLedger.Imaging.Geometry;

/// <summary>
/// A single-channel 2D image of floats, row-major (index = y * Width + x). Values are in the modality's
/// own units after rescale (HU for CT, arbitrary signal for MR, log-attenuation or counts for X-ray).
/// </summary>
public sealed class Image2D
{
    public Image2D(int width, int height, float[]? pixels = null)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        }
        pixels ??= new float[width * height];
        if (pixels.Length != width * height)
        {
            throw new ArgumentException($"Expected {width * height} pixels for {width}x{height}, got {pixels.Length}.", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public float[] Pixels { get; }

    public float this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public bool Contains(double x, double y) => x >= 0 && y >= 0 && x <= Width - 1 && y <= Height - 1;

    /// <summary>Bilinear interpolation at a sub-pixel position; positions outside the image return <paramref name="outside"/>.</summary>
    public float Sample(double x, double y, float outside = 0f)
    {
        if (!Contains(x, y))
        {
            return outside;
        }
        var x0 = Math.Min((int)x, Width - 2);
        var y0 = Math.Min((int)y, Height - 2);
        if (Width == 1 || Height == 1)
        {
            return this[(int)Math.Round(x), (int)Math.Round(y)];
        }
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var i = y0 * Width + x0;
        var top = Pixels[i] + (Pixels[i + 1] - Pixels[i]) * fx;
        var bottom = Pixels[i + Width] + (Pixels[i + Width + 1] - Pixels[i + Width]) * fx;
        return top + (bottom - top) * fy;
    }

    public Image2D Clone() => new(Width, Height, (float[])Pixels.Clone());
}

/// <summary>An image together with where it lies in patient space.</summary>
public sealed record SliceImage(SlicePlane Plane, Image2D Image);
