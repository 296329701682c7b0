using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;

namespace CartLedger.Console.Verbs.Dicom;

/// <summary>
/// `cartledger dicom series FOLDER`: what a folder import would make of each series (a stack with its size and
/// spacing, X-ray runs with their C-arm views, images), or why a series is rejected; then the files that belong
/// to no series. Exit 0 when every series loads.
/// </summary>
public static class DicomSeriesCommand
{
    private const int MaxReasons = 10;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create(Terminal terminal)
    {
        // ZeroOrOne, checked below: a required argument would make CliApp refuse `series --help` as bad usage.
        var folder = new Argument<string?>("folder") { Description = "A folder of DICOM files (searched recursively, mixed series welcome).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("series", "Group a DICOM folder into series and show what each loads as, or why it is rejected.")
            .WithExamples("./cartledger dicom series ../shared/data/sunnybrook/dicoms/SCD0000101");
        command.Arguments.Add(folder);
        command.Options.Add(json);
        command.SetAction(parse => Run(terminal, parse.GetValue(folder) ?? throw new UsageException("dicom series needs a folder (see 'cartledger dicom series --help')"), parse.GetValue(json)));
        return command;
    }

    private static int Run(Terminal terminal, string folder, bool asJson)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandFailedException($"{folder}: no such folder");
        }
        var import = DicomFolderReader.Read(folder);
        var series = import.Series.Select(Describe).ToList();
        var fileErrors = import.FileErrors.Select(p => p.ToString()).ToList();
        if (asJson)
        {
            terminal.Out.WriteLine(JsonSerializer.Serialize(new { series, fileErrors }, Json));
        }
        else
        {
            foreach (var s in series)
            {
                terminal.Line($"{(s.SeriesInstanceUid.Length > 0 ? s.SeriesInstanceUid : "(no SeriesInstanceUID)")} {s.Modality} \"{s.Description}\" ({s.Files} files): {s.Outcome}");
                foreach (var reason in s.Reasons.Take(MaxReasons))
                {
                    terminal.Line($"  {reason}");
                }
                if (s.Reasons.Count > MaxReasons)
                {
                    terminal.Line($"  ... and {s.Reasons.Count - MaxReasons} more");
                }
            }
            foreach (var error in fileErrors)
            {
                terminal.Line($"not in any series: {error}");
            }
        }
        var rejected = import.Rejected.Count();
        return rejected > 0 ? throw new CommandFailedException($"{rejected} of {import.Series.Count} series rejected") : ExitCodes.Success;
    }

    private sealed record SeriesLine(string SeriesInstanceUid, string Modality, string Description, int Files, string Outcome, IReadOnlyList<string> Reasons);

    private static SeriesLine Describe(SeriesOutcome outcome) => outcome switch
    {
        LoadedSeries { Content: StackContent s } l => Line(l, string.Create(CultureInfo.InvariantCulture,
            $"stack of {s.Stack.Slices.Count} slices x {s.Stack.PhaseCount} phases, {s.Volume.Geometry.SizeI}x{s.Volume.Geometry.SizeJ} pixels of {s.Volume.Geometry.SpacingMm.X:0.###}x{s.Volume.Geometry.SpacingMm.Y:0.###} mm, slice spacing {s.SliceSpacingMm:0.###} mm"), []),
        LoadedSeries { Content: XRayContent x } l => Line(l, $"{x.Runs.Count} X-ray run(s): " + string.Join("; ", x.Runs.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Image.FrameCount} frames at primary {r.Geometry.PrimaryAngleDeg:0.#}, secondary {r.Geometry.SecondaryAngleDeg:0.#} deg, SID {r.Geometry.SourceToDetectorMm:0.#} mm"))), []),
        LoadedSeries { Content: ImagesContent i } l => Line(l, $"{i.Images.Count} image(s) without patient geometry", []),
        LoadedSeries { Content: SegmentationsContent g } l => Line(l, "segmentation: " + string.Join("; ", g.Segmentations.Select(x => $"{x.Segments.Count} segments ({string.Join(", ", x.Segments.Select(y => y.Label))}) in {x.Frames.Count} frames")), []),
        LoadedSeries { Content: SurfaceSegmentationsContent f } l => Line(l, "surfaces: " + string.Join("; ", f.Surfaces.Select(x => string.Join(", ", x.Segments.Select(y => y.Label)))), []),
        LoadedSeries l => Line(l, "loaded", []),
        RejectedSeries r => Line(r, "rejected", r.Reasons.Select(p => p.ToString()).ToList()),
        _ => throw new InvalidOperationException("unknown outcome"),
    };

    private static SeriesLine Line(SeriesOutcome o, string outcome, IReadOnlyList<string> reasons) =>
        new(o.SeriesInstanceUid, o.Modality, o.Description, o.Files.Count, outcome, reasons);
}
