using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Console.Verbs.Analyst;
using CartLedger.Workers.Cmr;

namespace CartLedger.Console.Verbs.Scar;

/// <summary>
/// `cartledger scar edit EDITS.json --procedure ID --by USER --by-name NAME --note TEXT`: an analyst's scar edit (a
/// cartledger.scar-edits/1 file: threshold fraction, pixels erased and added per LGE slice) replayed on the recorded
/// analysis and appended as scar_edited with the file as a blob; the treatment export then shows the edited scar.
/// </summary>
public static class ScarCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(Terminal terminal)
    {
        var scar = new Command("scar", "Analyst edits of the procedure's automatic scar.")
            .WithExamples("./cartledger scar edit /tmp/edits.json --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --by an.bakker --by-name \"S. Bakker\" --note \"blood pool erased at the basal inferolateral wall\"");
        scar.Subcommands.Add(Edit(terminal));
        return scar;
    }

    private static Command Edit(Terminal terminal)
    {
        var file = new Argument<string>("EDITS_JSON") { Description = "A cartledger.scar-edits/1 file: {\"format\":\"cartledger.scar-edits/1\",\"threshold_fraction\":0.5,\"erase\":[{\"lge_slice\":3,\"pixels\":[...]}],\"add\":[]} (every edit since the automatic scar)." };
        var options = new AnalystOptions();
        var command = new Command("edit", "Replay a scar edits file on the procedure's recorded CMR analysis (about as long as the analysis) and append scar_edited with the resulting per-segment transmurality and burden, the file stored as a blob; a bad file is refused naming file, field and reason, nothing written; the worker then proposes targets again.")
        {
            file,
        }.WithExamples("./cartledger scar edit /tmp/edits.json --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --by an.bakker --by-name \"S. Bakker\" --note \"threshold 0.6\" --json");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (id, analyst, why) = options.Read(parse);
            var edited = await AnalystOptions.AppendFromFileAsync("EDITS_JSON", path, "scar edit",
                (appender, bytes) => ScarEditing.AppendAsync(appender, id, ScarEditsFile.Parse(bytes, Path.GetFileName(path)), Path.GetFileName(path), analyst, TimeProvider.System.GetUtcNow(), why, cancellationToken: cancellationToken), cancellationToken);
            if (parse.GetValue(options.Json))
            {
                terminal.Line(JsonSerializer.Serialize(new { procedureId = id, editsSha256 = edited.ScarMaskSha256, edited.ThresholdFraction, edited.ErasedPixelCount, edited.AddedPixelCount, scarBurdenPercent = edited.ScarBurdenPercent.Value }, Json));
                return ExitCodes.Success;
            }
            terminal.Line($"scar_edited: threshold {edited.ThresholdFraction:0.##}, {edited.ErasedPixelCount} px erased, {edited.AddedPixelCount} added, burden {edited.ScarBurdenPercent}; edits file stored as blob {edited.ScarMaskSha256[..12]}...");
            terminal.Line($"run `./cartledger worker --once --procedure {id}` to propose targets on the edited scar");
            return ExitCodes.Success;
        });
        return command;
    }
}
