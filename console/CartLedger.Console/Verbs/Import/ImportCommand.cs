using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Workers.Import;
using CartLedger.Workers.Support;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Import;

/// <summary>`cartledger import DICOM_DIR --procedure ID`: every file as a blob and StudyImported / FluoroscopyAcquired per study, one idempotent append each.</summary>
public static class ImportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string>("DICOM_DIR") { Description = "Folder to read recursively (mixed series welcome)." };
        var procedure = new Option<string>("--procedure") { Description = "The procedure (its id) the studies belong to; it must be open." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of lines." };
        var command = new Command("import", "Import a DICOM folder into a procedure: each file stored as a content-addressed blob, StudyImported (CMR/CT) or FluoroscopyAcquired (XA) per study in one append; running it again writes nothing; a bad series refuses the import naming file and tag.")
        {
            folder, procedure, json,
        }.WithExamples("./cartledger import /tmp/p3/dicom/cmr --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07", "./cartledger import /tmp/p3/dicom/xa --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --json");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(folder)!;
            var id = Guid.TryParse(parse.GetValue(procedure), out var parsed) ? parsed : throw new UsageException("--procedure: a procedure id (GUID) is required");
            if (!Directory.Exists(path))
            {
                throw new UsageException($"DICOM_DIR: no such folder: {path}");
            }
            var store = await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
            var identity = WorkerIdentity.ForHost(SoftwareVersion.Current);
            var importer = new StudyImporter(new ProcedureAppender(store, TimeProvider.System, identity.Terminal, identity.SoftwareVersion), identity);
            StudyImportResult result;
            try
            {
                result = terminal.IsInteractive && !parse.GetValue(json)
                    ? await terminal.Ansi.Status().StartAsync($"importing {path}: reading, hashing, appending", _ => importer.ImportAsync(path, id, cancellationToken))
                    : await importer.ImportAsync(path, id, cancellationToken);
            }
            catch (StudyImportRejectedException e)
            {
                throw new CommandFailedException(e.Message);
            }
            catch (ProcedureRejectedException e)
            {
                throw new CommandFailedException($"import refused by the procedure ({e.Rule}), nothing written: {e.Message}");
            }
            if (parse.GetValue(json))
            {
                terminal.Line(JsonSerializer.Serialize(result, Json));
                return ExitCodes.Success;
            }
            foreach (var study in result.Studies)
            {
                terminal.Line(study.AlreadyImported
                    ? $"study {study.StudyInstanceUid}: already imported, nothing new ({study.FileCount} files)"
                    : $"study {study.StudyInstanceUid}: {string.Join(", ", study.EventTypes)} with {study.FileCount} files as blobs (stream version {study.StreamVersion})");
            }
            foreach (var skipped in result.Skipped)
            {
                terminal.Line($"  {skipped}");
            }
            terminal.Line($"{result.NewEventCount} new event(s) in procedure {result.ProcedureId}; run `./cartledger worker --once --procedure {result.ProcedureId}` to analyse");
            return ExitCodes.Success;
        });
        return command;
    }
}
