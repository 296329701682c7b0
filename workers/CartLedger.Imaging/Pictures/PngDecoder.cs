using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Pictures;

/// <summary>A decoded PNG: samples row-major and interleaved, 8- or 16-bit values, with 1 to 4 channels.</summary>
public sealed record PngPicture(int Width, int Height, int Channels, int BitDepth, ushort[] Samples)
{
    /// <summary>Greyscale as floats (sample values: 0..255 at 8 bits); colour becomes Rec. 709 luminance; alpha is ignored.</summary>
    public Image2D ToImage2D()
    {
        var image = new Image2D(Width, Height);
        for (var i = 0; i < Width * Height; i++)
        {
            image.Pixels[i] = Channels >= 3
                ? (float)(0.2126 * Samples[i * Channels] + 0.7152 * Samples[i * Channels + 1] + 0.0722 * Samples[i * Channels + 2])
                : Samples[i * Channels];
        }
        return image;
    }

    /// <summary>8-bit RGB (grey repeated, 16-bit reduced to its high byte, alpha dropped).</summary>
    public RgbImage ToRgb()
    {
        var picture = new RgbImage(Width, Height);
        var shift = BitDepth == 16 ? 8 : 0;
        for (var i = 0; i < Width * Height; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                picture.Rgb[3 * i + c] = (byte)(Samples[i * Channels + (Channels >= 3 ? c : 0)] >> shift);
            }
        }
        return picture;
    }
}

/// <summary>
/// Decodes non-interlaced PNGs with 8- or 16-bit samples: grey, grey+alpha, RGB, RGBA and palette (expanded to
/// RGB/RGBA). Chunk CRCs are checked; anything else (Adam7 interlacing, 1/2/4-bit samples) is refused with a
/// clear message rather than guessed. Enough for the EMIDEC research PNGs and for our own output.
/// </summary>
public static class PngDecoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngPicture Read(string path)
    {
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static PngPicture Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (no PNG signature)");
        }
        int width = 0, height = 0, bitDepth = 0, colourType = -1;
        byte[]? palette = null, transparency = null;
        using var idat = new MemoryStream();
        var offset = 8;
        while (true)
        {
            if (offset + 12 > png.Length)
            {
                throw new InvalidDataException("truncated: the file ends before the IEND chunk");
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            var type = Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            if (length < 0 || offset + 12L + length > png.Length)
            {
                throw new InvalidDataException($"truncated: chunk {type} declares {length} bytes");
            }
            var data = png.Slice(offset + 8, length);
            if (Crc32.Compute(png.Slice(offset + 4, 4), data) != BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + length)..]))
            {
                throw new InvalidDataException($"chunk {type} fails its CRC check (corrupt file)");
            }
            offset += 12 + length;
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colourType = data[9];
                    if (data[12] != 0)
                    {
                        throw new InvalidDataException("interlaced (Adam7) PNGs are not supported");
                    }
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    return Build(width, height, bitDepth, colourType, palette, transparency, idat.ToArray());
            }
        }
    }

    private static PngPicture Build(int width, int height, int bitDepth, int colourType, byte[]? palette, byte[]? transparency, byte[] compressed)
    {
        var channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {colourType} does not exist") };
        if (width <= 0 || height <= 0 || (long)width * height > 1L << 28)
        {
            throw new InvalidDataException($"implausible PNG size {width}x{height}");
        }
        if (bitDepth != 8 && !(bitDepth == 16 && colourType != 3))
        {
            throw new InvalidDataException($"{bitDepth}-bit samples are not supported (8, and 16 except for palettes)");
        }
        var bytesPerSample = bitDepth / 8;
        var bytesPerPixel = channels * bytesPerSample;
        if ((long)height * ((long)width * bytesPerPixel + 1) > int.MaxValue / 2)
        {
            throw new InvalidDataException($"a {width}x{height} PNG is too large to decode here");
        }
        var stride = width * bytesPerPixel;
        var raw = Inflate(compressed, height * (stride + 1));
        if (raw.Length < (long)height * (stride + 1))
        {
            throw new InvalidDataException($"the image data holds {raw.Length} bytes, {height * (stride + 1)} expected");
        }
        var rows = Unfilter(raw, height, stride, bytesPerPixel);
        var samples = new ushort[width * height * channels];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = bytesPerSample == 1 ? rows[i] : BinaryPrimitives.ReadUInt16BigEndian(rows.AsSpan(2 * i));
        }
        return colourType == 3 ? ExpandPalette(width, height, samples, palette, transparency) : new PngPicture(width, height, channels, bitDepth, samples);
    }

    private static byte[] Unfilter(byte[] raw, int height, int stride, int bytesPerPixel)
    {
        var rows = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var type = raw[y * (stride + 1)];
            var source = y * (stride + 1) + 1;
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bytesPerPixel ? rows[y * stride + i - bytesPerPixel] : 0;
                int b = y > 0 ? rows[(y - 1) * stride + i] : 0;
                int c = i >= bytesPerPixel && y > 0 ? rows[(y - 1) * stride + i - bytesPerPixel] : 0;
                rows[y * stride + i] = (byte)(raw[source + i] + PngFilters.Predict(type, a, b, c));
            }
        }
        return rows;
    }

    private static PngPicture ExpandPalette(int width, int height, ushort[] indices, byte[]? palette, byte[]? transparency)
    {
        if (palette is null || palette.Length % 3 != 0)
        {
            throw new InvalidDataException("a palette image without a valid PLTE chunk");
        }
        var channels = transparency is null ? 3 : 4;
        var samples = new ushort[width * height * channels];
        for (var i = 0; i < indices.Length; i++)
        {
            var entry = indices[i];
            if (3 * entry + 2 >= palette.Length)
            {
                throw new InvalidDataException($"palette index {entry} beyond the {palette.Length / 3} entries");
            }
            for (var c = 0; c < 3; c++)
            {
                samples[i * channels + c] = palette[3 * entry + c];
            }
            if (channels == 4)
            {
                samples[i * 4 + 3] = entry < transparency!.Length ? transparency[entry] : (ushort)255;
            }
        }
        return new PngPicture(width, height, channels, 8, samples);
    }

    /// <summary>Inflates at most <paramref name="expected"/> bytes: a decompression bomb stops there.</summary>
    private static byte[] Inflate(byte[] compressed, int expected)
    {
        using var input = new MemoryStream(compressed);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        var output = new byte[expected];
        var filled = 0;
        try
        {
            int read;
            while (filled < expected && (read = zlib.Read(output, filled, expected - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the compressed image data is corrupt ({e.Message})", e);
        }
        return filled == expected ? output : output[..filled];
    }
}
