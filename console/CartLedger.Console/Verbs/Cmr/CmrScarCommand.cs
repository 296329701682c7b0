using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Scar;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>
/// `cartledger cmr scar IMAGE --myocardium MASK --out SCAR.png`: full width at half maximum on one LGE image inside a
/// given myocardium mask (any non-zero pixel). IMAGE is DICOM or an 8-bit PNG (research data sets); the scar mask is
/// written as a PNG (255 scar, 0 elsewhere) and one JSON line with the threshold and the burden goes to stdout.
/// </summary>
public static class CmrScarCommand
{
    public static Command Create(Terminal terminal)
    {
        var image = new Argument<string?>("image") { Description = "LGE image: a DICOM file or a greyscale PNG.", Arity = ArgumentArity.ZeroOrOne };
        var mask = new Option<string>("--myocardium") { Description = "Myocardium mask PNG on the image's grid (any non-zero pixel is myocardium); required." };
        var output = new Option<string>("--out") { Description = "Scar mask PNG to write (255 = scar); required." };
        var fraction = new Option<double>("--threshold-fraction") { Description = "Fraction of the maximum myocardial signal above which myocardium is scar (0.5 = FWHM).", DefaultValueFactory = _ => 0.5 };
        var floor = new Option<string>("--floor") { Description = "Signal floor the fraction is measured from: zero | myocardium-min (default: zero for DICOM, myocardium-min for PNG, whose grey levels are offset)." };
        var command = new Command("scar", "FWHM scar on one LGE image inside a given myocardium mask; writes the scar mask PNG and prints one JSON line with the burden.")
            .WithExamples("./cartledger cmr scar ../shared/data/emidec/images/Case_P001_slice003.png --myocardium /tmp/myo.png --out /tmp/scar.png",
                "./cartledger cmr scar /tmp/p7/dicom/lge/IM00004.dcm --myocardium /tmp/myo.png --out /tmp/scar.png --threshold-fraction 0.4");
        command.Arguments.Add(image);
        command.Options.Add(mask);
        command.Options.Add(output);
        command.Options.Add(fraction);
        command.Options.Add(floor);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(image) ?? throw new UsageException("cmr scar needs an IMAGE (see 'cartledger cmr scar --help')");
            var maskPath = parse.GetValue(mask) is { Length: > 0 } m ? m : throw new UsageException("--myocardium: a myocardium mask PNG is required");
            var target = parse.GetValue(output) is { Length: > 0 } o ? o : throw new UsageException("--out: the scar PNG to write is required");
            var f = parse.GetValue(fraction);
            if (f is <= 0 or >= 1 || !double.IsFinite(f))
            {
                throw new UsageException($"--threshold-fraction: {f.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1 (exclusive)");
            }
            SignalFloor? chosen = parse.GetValue(floor)?.ToLowerInvariant() switch
            {
                null or "" => null,
                "zero" => SignalFloor.Zero,
                "myocardium-min" => SignalFloor.MyocardialMinimum,
                var v => throw new UsageException($"--floor: '{v}' is not zero or myocardium-min"),
            };
            return Run(terminal, path, maskPath, target, f, chosen);
        });
        return command;
    }

    private static int Run(Terminal terminal, string imagePath, string maskPath, string output, double fraction, SignalFloor? floor)
    {
        var (image, isPng, spacing) = ReadImage(imagePath);
        var mask = ReadMask(maskPath, image);
        if (mask.IsEmpty)
        {
            throw new CommandFailedException($"{maskPath}: the myocardium mask has no non-zero pixel");
        }
        var parameters = new FwhmParameters(fraction, floor ?? (isPng ? SignalFloor.MyocardialMinimum : SignalFloor.Zero));
        var threshold = FwhmScar.ThresholdOf([(image, mask)], parameters);
        var scar = FwhmScar.Segment(image, mask, threshold, parameters);
        var pixels = new byte[scar.Bits.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = scar.Bits[i] != 0 ? (byte)255 : (byte)0;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(folder))
        {
            throw new CommandFailedException($"{output}: folder {folder} does not exist");
        }
        PngEncoder.WriteGrey(output, pixels, image.Width, image.Height);
        int myocardium = mask.Count(), scarred = scar.Count();
        terminal.Line(JsonSerializer.Serialize(new
        {
            image = imagePath,
            scar = Path.GetFullPath(output),
            thresholdFraction = fraction,
            floor = parameters.Floor == SignalFloor.Zero ? "zero" : "myocardium-min",
            maximumSignal = Math.Round(threshold.MaximumSignal, 3),
            floorSignal = Math.Round(threshold.FloorSignal, 3),
            thresholdSignal = Math.Round(threshold.Threshold, 3),
            myocardiumPixels = myocardium,
            scarPixels = scarred,
            burdenPercent = Math.Round(100.0 * scarred / myocardium, 2),
            scarAreaMm2 = spacing is { } s ? Math.Round(scarred * s.X * s.Y, 1) : (double?)null,
        }));
        return ExitCodes.Success;
    }

    private static (Image2D Image, bool IsPng, Vec2? SpacingMm) ReadImage(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"{path}: no such file");
        }
        if (IsPngFile(path))
        {
            return (ReadPng(path, "image").ToImage2D(), true, null);
        }
        var result = DicomReader.ReadFile(path);
        if (result.Header is null)
        {
            throw new CommandFailedException($"{path}: neither PNG nor DICOM{(result.Problem is { } p ? $" ({p.Message})" : "")}");
        }
        if (result.Image is not { Frames.Count: > 0 } decoded)
        {
            throw new CommandFailedException($"{path}: no greyscale pixels to threshold{(result.Problem is { } p ? $" ({p.Message})" : "")}");
        }
        var parts = result.Header.Attributes.Text(DicomTags.PixelSpacing)?.Split('\\');
        var spacing = parts is [var row, var column] && double.TryParse(row, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            && double.TryParse(column, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? new Vec2(c, r) : (Vec2?)null;
        return (decoded.Frames[0], false, spacing);
    }

    private static Mask2D ReadMask(string path, Image2D image)
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"{path}: no such file");
        }
        if (!IsPngFile(path))
        {
            throw new CommandFailedException($"{path}: the myocardium mask must be a PNG");
        }
        var picture = ReadPng(path, "mask");
        if (picture.Width != image.Width || picture.Height != image.Height)
        {
            throw new CommandFailedException($"{path}: the mask is {picture.Width}x{picture.Height} but the image is {image.Width}x{image.Height}");
        }
        var grey = picture.ToImage2D();
        var mask = new Mask2D(image.Width, image.Height);
        for (var i = 0; i < mask.Bits.Length; i++)
        {
            mask.Bits[i] = grey.Pixels[i] != 0 ? (byte)1 : (byte)0;
        }
        return mask;
    }

    private static PngPicture ReadPng(string path, string what)
    {
        try
        {
            return PngDecoder.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new CommandFailedException($"{path}: the {what} PNG cannot be read ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static bool IsPngFile(string path)
    {
        Span<byte> signature = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.Read(signature) == 8 && signature.SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    }
}
