using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// One image's label map from another tool (or from <c>cartledger cmr segment</c>): 0 background, 1 LV blood pool,
/// 2 myocardium, row-major on the image's own pixel grid. <paramref name="Source"/> names it in messages (a file name).
/// </summary>
public sealed record LabelMask(int Width, int Height, byte[] Labels, string Source)
{
    public const byte Background = 0, BloodPool = 1, Myocardium = 2;

    public byte At(int x, int y) => x < 0 || y < 0 || x >= Width || y >= Height ? Background : Labels[y * Width + x];

    /// <summary>
    /// The labels chosen by <paramref name="inside"/> as a 0/1 image, bilinearly interpolated at a pixel position (pixel
    /// centres at integers): its 0.5 level runs half-way between inside and outside pixel centres, so contours read from a
    /// mask fall between its pixels, not on a pixel staircase.
    /// </summary>
    public double Fraction(Vec2 pixel, Func<byte, bool> inside)
    {
        var x0 = (int)Math.Floor(pixel.X);
        var y0 = (int)Math.Floor(pixel.Y);
        var fx = pixel.X - x0;
        var fy = pixel.Y - y0;
        double V(int x, int y) => inside(At(x, y)) ? 1 : 0;
        return (1 - fy) * ((1 - fx) * V(x0, y0) + fx * V(x0 + 1, y0)) + fy * ((1 - fx) * V(x0, y0 + 1) + fx * V(x0 + 1, y0 + 1));
    }

    public int Count(byte label) => Labels.Count(l => l == label);

    /// <summary>An 8-bit greyscale PNG label map; anything else (colour, 16-bit, unreadable) is refused naming the file.</summary>
    public static LabelMask ReadPng(string path)
    {
        PngPicture picture;
        try
        {
            picture = PngDecoder.Read(path);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message})");
        }
        if (picture.Channels != 1 || picture.BitDepth != 8)
        {
            throw new InvalidDataException($"{path}: a label mask is an 8-bit greyscale PNG (values 0, 1, 2); this one has {picture.Channels} channel(s) of {picture.BitDepth} bits");
        }
        return new LabelMask(picture.Width, picture.Height, [.. picture.Samples.Select(v => (byte)v)], path);
    }

    /// <summary>Every <c>*.png</c> of <paramref name="folder"/> (not recursive; <c>contours.json</c> and other files are ignored), in name order.</summary>
    public static IReadOnlyList<LabelMask> ReadFolder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal).Select(ReadPng)]
            : throw new DirectoryNotFoundException($"{folder}: no such folder");
}
