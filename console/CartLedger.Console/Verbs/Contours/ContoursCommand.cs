using System.CommandLine;
using System.Text.Json;
using CartLedger.Cmr.Segmentation;
using CartLedger.Console.Cli;
using CartLedger.Console.Verbs.Analyst;
using CartLedger.Workers.Cmr;

namespace CartLedger.Console.Verbs.Contours;

/// <summary>
/// `cartledger contours import CONTOURS.json|LABEL_DIR --procedure ID --by USER --by-name NAME --note TEXT`: an analyst's LV
/// contours (contours.json as `cartledger cmr segment` writes it, or a folder of label masks named SOPInstanceUID.png)
/// checked against the procedure's stored cine and appended as contours_adjusted with the contours as a blob; the worker
/// then re-analyses from them.
/// </summary>
public static class ContoursCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(Terminal terminal)
    {
        var contours = new Command("contours", "Analyst contours for a procedure's CMR study (manual contour import).")
            .WithExamples("./cartledger contours import /tmp/p3-labels/contours.json --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --by an.bakker --by-name \"S. Bakker\" --note \"contoured in Segment\"");
        contours.Subcommands.Add(Import(terminal));
        return contours;
    }

    private static Command Import(Terminal terminal)
    {
        var file = new Argument<string>("CONTOURS") { Description = "contours.json as `cartledger cmr segment` writes it (images named by SOPInstanceUID, polygons in pixels), or a folder of label masks (8-bit PNG per cine image named SOPInstanceUID.png: 0 background, 1 LV blood pool, 2 myocardium; phases without a mask are propagated)." };
        var options = new AnalystOptions();
        var command = new Command("import", "Import LV contours or label masks for the procedure's CMR cine: checked against the stored images (a bad file is refused naming file, field and reason; nothing written), appended once as contours_adjusted with the contours as a blob (masks become contours.json first); `worker --once` then recomputes scar, activation, mesh and targets from them.")
        {
            file,
        }.WithExamples("./cartledger contours import /tmp/p3-labels/contours.json --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --by an.bakker --by-name \"S. Bakker\" --note \"contoured in Segment\" --json",
            "./cartledger contours import /tmp/p3-masks --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --by an.bakker --by-name \"S. Bakker\" --note \"masks from 3D Slicer\"");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (id, analyst, why) = options.Read(parse);
            var now = TimeProvider.System.GetUtcNow();
            var result = Directory.Exists(path)
                ? await AnalystOptions.AppendAsync("contour import",
                    appender => ContourImport.AppendLabelsAsync(appender, id, LabelMask.ReadFolder(path), Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), analyst, now, why, cancellationToken), cancellationToken)
                : await AnalystOptions.AppendFromFileAsync("CONTOURS", path, "contour import",
                    (appender, bytes) => ContourImport.AppendAsync(appender, id, bytes, Path.GetFileName(path), analyst, now, why, cancellationToken), cancellationToken);
            if (parse.GetValue(options.Json))
            {
                terminal.Line(JsonSerializer.Serialize(new { procedureId = id, contoursSha256 = result.Event.ContoursSha256, result.CineSeriesUid, result.SlicesWithLv, result.AlreadyImported }, Json));
                return ExitCodes.Success;
            }
            terminal.Line(result.AlreadyImported
                ? $"contours {result.Event.ContoursSha256[..12]}... already imported, nothing new"
                : $"contours_adjusted: {result.SlicesWithLv} cine slices with LV contours, file stored as blob {result.Event.ContoursSha256[..12]}...");
            terminal.Line($"run `./cartledger worker --once --procedure {id}` to recompute scar, activation, mesh and targets from them");
            return ExitCodes.Success;
        });
        return command;
    }
}
