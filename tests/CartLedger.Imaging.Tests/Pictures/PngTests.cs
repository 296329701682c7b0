using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Pictures;

public class PngTests
{
    private static byte[] Gradient(int width, int height, int channels) =>
        Enumerable.Range(0, width * height * channels).Select(i => (byte)((i * 37 + (i / (width * channels)) * 11) % 256)).ToArray();

    [Theory]
    [InlineData(PngColour.Grey, "L")]
    [InlineData(PngColour.Rgb, "RGB")]
    [InlineData(PngColour.Rgba, "RGBA")]
    public void Encoded_PNGs_read_back_identically_in_Pillow_and_in_our_decoder(PngColour colour, string pillowMode)
    {
        var channels = colour switch { PngColour.Grey => 1, PngColour.Rgb => 3, _ => 4 };
        var samples = Gradient(23, 17, channels);
        var path = Path.Combine(RepoPaths.ScratchFolder("png"), $"{colour}.png");
        File.WriteAllBytes(path, PngEncoder.Encode(samples, 23, 17, colour));

        var pillow = PictureValidators.ReadWithPillow(path);
        var ours = PngDecoder.Read(path);

        Assert.Equal((pillowMode, 23, 17), (pillow.Mode, pillow.Width, pillow.Height));
        Assert.Equal(samples, pillow.Bytes);
        Assert.Equal(samples.Select(b => (ushort)b), ours.Samples);
        Assert.Equal((channels, 8), (ours.Channels, ours.BitDepth));
    }

    [Fact]
    public void The_EMIDEC_research_PNGs_decode_as_Pillow_decodes_them()
    {
        var images = RepoPaths.RequireSharedData("emidec/images");
        var labels = RepoPaths.RequireSharedData("emidec/labels");
        var files = Directory.GetFiles(images, "*.png").Order(StringComparer.Ordinal).Take(6)
            .Concat(Directory.GetFiles(labels, "*.png").Order(StringComparer.Ordinal).Take(6)).ToList();

        foreach (var file in files)
        {
            var ours = PngDecoder.Read(file);
            var pillow = PictureValidators.ReadWithPillow(file);
            Assert.Equal((pillow.Width, pillow.Height, 1), (ours.Width, ours.Height, ours.Channels));
            Assert.Equal(pillow.Bytes.Select(b => (ushort)b), ours.Samples);
        }
        var label = PngDecoder.Read(files[^1]).ToImage2D();
        Assert.All(label.Pixels, v => Assert.InRange(v, 0, 4));
    }

    [Fact]
    public void Encoding_is_deterministic()
    {
        var samples = Gradient(40, 30, 3);

        Assert.Equal(PngEncoder.Encode(samples, 40, 30, PngColour.Rgb), PngEncoder.Encode(samples, 40, 30, PngColour.Rgb));
    }

    [Fact]
    public void A_corrupted_PNG_is_refused_with_the_chunk_named()
    {
        var png = PngEncoder.Encode(Gradient(8, 8, 1), 8, 8, PngColour.Grey);
        png[45] ^= 0x5A; // inside the IDAT data

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png));

        Assert.Contains("IDAT", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png.AsSpan(0, 40))).Message, StringComparison.Ordinal);
        Assert.Contains("not a PNG", Assert.Throws<InvalidDataException>(() => PngDecoder.Decode("GIF89a.........."u8)).Message, StringComparison.Ordinal);
    }
}
