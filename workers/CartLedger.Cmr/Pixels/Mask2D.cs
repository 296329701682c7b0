namespace CartLedger.Cmr.Pixels;

/// <summary>
/// A binary image on a pixel grid (row-major, index = y * Width + x), the shape every label and scar map
/// takes inside the CMR compute. Values are 0 or 1 so that a mask hashes and compares byte for byte.
/// </summary>
public sealed class Mask2D
{
    public Mask2D(int width, int height, byte[]? bits = null)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Mask size must be positive, got {width}x{height}.");
        }
        bits ??= new byte[width * height];
        if (bits.Length != width * height)
        {
            throw new ArgumentException($"Expected {width * height} mask values for {width}x{height}, got {bits.Length}.", nameof(bits));
        }
        Width = width;
        Height = height;
        Bits = bits;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Bits { get; }

    public bool this[int x, int y]
    {
        get => Bits[y * Width + x] != 0;
        set => Bits[y * Width + x] = value ? (byte)1 : (byte)0;
    }

    public int Count()
    {
        var n = 0;
        foreach (var b in Bits)
        {
            n += b;
        }
        return n;
    }

    public bool IsEmpty => Array.IndexOf(Bits, (byte)1) < 0;

    public Mask2D Clone() => new(Width, Height, (byte[])Bits.Clone());

    public Mask2D And(Mask2D other) => Combine(other, (a, b) => (byte)(a & b));
    public Mask2D Or(Mask2D other) => Combine(other, (a, b) => (byte)(a | b));
    public Mask2D AndNot(Mask2D other) => Combine(other, (a, b) => (byte)(a & (1 - b)));

    /// <summary>Number of pixels set in both masks.</summary>
    public int OverlapCount(Mask2D other)
    {
        RequireSameSize(other);
        var n = 0;
        for (var i = 0; i < Bits.Length; i++)
        {
            n += Bits[i] & other.Bits[i];
        }
        return n;
    }

    /// <summary>The mean position of the set pixels, or null for an empty mask.</summary>
    public (double X, double Y)? Centroid()
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (Bits[y * Width + x] != 0)
                {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return n == 0 ? null : (sx / n, sy / n);
    }

    private Mask2D Combine(Mask2D other, Func<byte, byte, byte> op)
    {
        RequireSameSize(other);
        var result = new byte[Bits.Length];
        for (var i = 0; i < Bits.Length; i++)
        {
            result[i] = op(Bits[i], other.Bits[i]);
        }
        return new Mask2D(Width, Height, result);
    }

    private void RequireSameSize(Mask2D other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException($"Mask sizes differ: {Width}x{Height} and {other.Width}x{other.Height}.", nameof(other));
        }
    }
}
