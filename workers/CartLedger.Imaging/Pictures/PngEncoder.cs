using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CartLedger.Imaging.Files;

namespace CartLedger.Imaging.Pictures;

/// <summary>PNG colour types this project writes (PNG spec 11.2.2), all 8 bits per sample.</summary>
public enum PngColour : byte
{
    Grey = 0,
    Rgb = 2,
    Rgba = 6,
}

/// <summary>
/// A small PNG encoder over System.IO.Compression: 8-bit grey, RGB or RGBA, non-interlaced, each row filtered
/// with the PNG filter that minimises the sum of absolute residuals (libpng's heuristic), zlib-compressed.
/// Output is a pure function of the pixels.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Encode(ReadOnlySpan<byte> samples, int width, int height, PngColour colour)
    {
        var channels = Channels(colour);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A PNG needs a positive size, got {width}x{height}.");
        }
        if (samples.Length != width * height * channels)
        {
            throw new ArgumentException($"{colour} {width}x{height} needs {width * height * channels} samples, got {samples.Length}.", nameof(samples));
        }
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)colour;
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(Filter(samples, width, height, channels)));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    public static byte[] Encode(RgbImage picture) => Encode(picture.Rgb, picture.Width, picture.Height, PngColour.Rgb);

    public static void Write(string path, RgbImage picture) => AtomicFile.WriteAllBytes(path, Encode(picture));

    public static void WriteGrey(string path, ReadOnlySpan<byte> grey, int width, int height) => AtomicFile.WriteAllBytes(path, Encode(grey, width, height, PngColour.Grey));

    internal static int Channels(PngColour colour) => colour switch
    {
        PngColour.Grey => 1,
        PngColour.Rgb => 3,
        PngColour.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), $"Unsupported PNG colour type {colour}."),
    };

    private static byte[] Filter(ReadOnlySpan<byte> samples, int width, int height, int channels)
    {
        var stride = width * channels;
        var filtered = new byte[height * (stride + 1)];
        var candidate = new byte[stride];
        var best = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var row = samples.Slice(y * stride, stride);
            var previous = y > 0 ? samples.Slice((y - 1) * stride, stride) : ReadOnlySpan<byte>.Empty;
            var bestType = 0;
            var bestScore = long.MaxValue;
            for (var type = 0; type <= 4; type++)
            {
                long score = 0;
                for (var i = 0; i < stride; i++)
                {
                    var a = i >= channels ? row[i - channels] : 0;
                    var b = previous.IsEmpty ? 0 : previous[i];
                    var c = i >= channels && !previous.IsEmpty ? previous[i - channels] : 0;
                    var value = (byte)(row[i] - PngFilters.Predict(type, a, b, c));
                    candidate[i] = value;
                    score += value < 128 ? value : 256 - value;
                }
                if (score < bestScore)
                {
                    bestScore = score;
                    bestType = type;
                    candidate.CopyTo(best, 0);
                }
            }
            filtered[y * (stride + 1)] = (byte)bestType;
            best.CopyTo(filtered, y * (stride + 1) + 1);
        }
        return filtered;
    }

    private static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return buffer.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(typeBytes, data));
        output.Write(crc);
    }
}

/// <summary>The five PNG filter predictors (PNG spec 9.2).</summary>
internal static class PngFilters
{
    public static int Predict(int type, int a, int b, int c) => type switch
    {
        0 => 0,
        1 => a,
        2 => b,
        3 => (a + b) >> 1,
        4 => Paeth(a, b, c),
        _ => throw new InvalidDataException($"PNG filter type {type} does not exist (0-4)"),
    };

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
