using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Workers.Cmr;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>
/// `cartledger cmr segment DICOM_DIR --out DIR`: segments the LV in the cine (and transfers the contours to the LGE
/// when there is one) and writes, for every image, a label PNG on its own grid (0 background, 1 LV blood pool,
/// 2 myocardium) named SOPInstanceUID.png, plus contours.json (every contour in pixels of its image).
/// </summary>
public static class CmrSegmentCommand
{
    public const byte BloodPool = 1, Myocardium = 2;

    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string?>("dicom-dir") { Description = "Folder with the SAX cine (and LGE) DICOM images, searched recursively.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "Output folder (must not exist or be empty); required." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of lines." };
        var command = new Command("segment", "Segment the LV: a label PNG per image (0 background, 1 LV blood pool, 2 myocardium) named by SOPInstanceUID, and contours.json.")
            .WithExamples("./cartledger cmr segment /tmp/p7/dicom --out /tmp/p7-labels", "./cartledger cmr segment ../shared/data/sunnybrook/dicoms/SCD0000101 --out /tmp/scd101 --json");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(parse => Run(terminal,
            parse.GetValue(folder) ?? throw new UsageException("cmr segment needs a DICOM folder (see 'cartledger cmr segment --help')"),
            CmrOutput.Require(parse.GetValue(output)), parse.GetValue(json)));
        return command;
    }

    private static int Run(Terminal terminal, string folder, string output, bool json)
    {
        var steps = new CmrSteps(terminal, json, folder);
        CmrOutput.RequireEmpty(output);
        var inputs = steps.Run("read DICOM", () => CmrInputs.Read(folder));
        var segmentation = steps.Run("segment cine", () => CineSegmenter.Segment(inputs.Cine, CmrParameters.Default.Segmentation, CmrParameters.Default.EndDiastolePhase));
        var lge = inputs.Lge is null ? [] : steps.Run("transfer contours to LGE", () => LgeContourTransfer.Transfer(inputs.Lge, segmentation));
        var written = steps.Run("write labels", () => Write(output, inputs, segmentation, lge));
        var full = segmentation.FullSlices.Count();
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(new
            {
                output = Path.GetFullPath(output),
                images = written,
                cineSlices = inputs.Cine.Slices.Count,
                phases = inputs.Cine.PhaseCount,
                slicesWithLv = segmentation.SlicesBaseToApex.Count(s => s.HasLv),
                fullSlices = full,
                lgeSlicesLabelled = lge.Count,
                endDiastolePhase = segmentation.EndDiastolePhase,
                endSystolePhase = segmentation.EndSystolePhase,
                warnings = inputs.Warnings.Concat(segmentation.Warnings),
            }));
        }
        else
        {
            terminal.Line($"LV found on {segmentation.SlicesBaseToApex.Count(s => s.HasLv)} of {inputs.Cine.Slices.Count} cine slices ({full} full), {lge.Count} LGE slices labelled; ED phase {segmentation.EndDiastolePhase + 1}, ES phase {segmentation.EndSystolePhase + 1}");
            foreach (var warning in inputs.Warnings.Concat(segmentation.Warnings))
            {
                terminal.Line($"warning: {warning}");
            }
            terminal.Line($"{written} label PNGs and contours.json written to {Path.GetFullPath(output)}");
        }
        return ExitCodes.Success;
    }

    private static int Write(string output, CmrInputs inputs, CineSegmentation segmentation, IReadOnlyList<LgeSlice> lge)
    {
        Directory.CreateDirectory(output);
        var written = 0;
        var byPosition = segmentation.SlicesBaseToApex.ToDictionary(s => s.Plane.Origin);
        foreach (var slice in inputs.Cine.Slices)
        {
            byPosition.TryGetValue(slice.Plane.Origin, out var segmented);
            for (var p = 0; p < slice.PhaseCount; p++, written++)
            {
                WriteLabels(output, Uid(slice, p), slice.Frames[p], segmented is { HasLv: true } ? segmented.Phases[p] : null);
            }
        }
        foreach (var slice in inputs.Lge?.Slices ?? [])
        {
            var uid = Uid(slice, 0);
            WriteLabels(output, uid, slice.Frames[0], lge.FirstOrDefault(l => l.SopInstanceUid == uid && l.Plane.Origin == slice.Plane.Origin)?.Contours);
            written++;
        }
        Imaging.Files.AtomicFile.WriteAllText(Path.Combine(output, "contours.json"), ContourFile.Write(inputs.Cine, inputs.Lge, segmentation, lge));
        return written;
    }

    private static string Uid(CineSlice slice, int phase) =>
        slice.SopInstanceUids.Count > phase && slice.SopInstanceUids[phase].Length > 0 ? slice.SopInstanceUids[phase]
            : throw new CommandFailedException($"an image at {slice.Plane.Origin} has no SOPInstanceUID (0008,0018): cannot name its label file");

    /// <summary>The label map of one image: 1 inside the endocardium, 2 between endocardium and epicardium.</summary>
    public static byte[] Labels(int width, int height, SliceContours? contours)
    {
        var labels = new byte[width * height];
        if (contours is null)
        {
            return labels;
        }
        var epi = contours.EpicardialMask(width, height).Bits;
        var pool = contours.BloodPoolMask(width, height).Bits;
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = pool[i] != 0 ? BloodPool : epi[i] != 0 ? Myocardium : (byte)0;
        }
        return labels;
    }

    private static void WriteLabels(string output, string uid, Image2D image, SliceContours? contours) =>
        PngEncoder.WriteGrey(Path.Combine(output, uid + ".png"), Labels(image.Width, image.Height, contours), image.Width, image.Height);
}

/// <summary>Output folder rules shared by the cmr verbs.</summary>
public static class CmrOutput
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Require(string? output) => output is { Length: > 0 } given ? given : throw new UsageException("--out: an output folder is required");

    public static void RequireEmpty(string output)
    {
        var target = Path.GetFullPath(output);
        if (File.Exists(target))
        {
            throw new CommandFailedException($"{target}: --out names a file; give a folder");
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new CommandFailedException($"{target}: the output folder exists and is not empty");
        }
    }

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
