namespace CartLedger.Imaging.Pictures;

/// <summary>An 8-bit colour picture, row-major, interleaved R, G, B (index = 3 * (y * Width + x)).</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[]? rgb = null)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        }
        rgb ??= new byte[3 * width * height];
        if (rgb.Length != 3 * width * height)
        {
            throw new ArgumentException($"Expected {3 * width * height} bytes for {width}x{height} RGB, got {rgb.Length}.", nameof(rgb));
        }
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Rgb { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = 3 * (y * Width + x);
            return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }
        set
        {
            var i = 3 * (y * Width + x);
            (Rgb[i], Rgb[i + 1], Rgb[i + 2]) = value;
        }
    }
}
