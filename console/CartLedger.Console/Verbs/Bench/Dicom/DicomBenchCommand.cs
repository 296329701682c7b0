using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Bench.Dicom;

/// <summary>`cartledger bench dicom`: what the decoding sandbox costs, against in-process GDCM and raw file reads of the same files.</summary>
public static class DicomBenchCommand
{
    public static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var folder = new Option<string?>("--folder") { Description = "A folder of DICOM files to read (default: a synthetic 12 x 20 MR cine)." };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds (averaged).", DefaultValueFactory = _ => 3 };
        var command = new Command("dicom", "Reading cost per file: raw bytes, GDCM in-process, GDCM sandboxed in a child process, whole folder import; ratios from the same run.")
        {
            json, folder, rounds,
        }.WithExamples("./cartledger bench dicom", "./cartledger bench dicom --folder ../shared/data/sunnybrook/dicoms/SCD0000101 --json");
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(folder);
            if (parse.GetValue(rounds) < 1)
            {
                throw new UsageException("bench dicom: --rounds must be at least 1");
            }
            if (path is not null && !Directory.Exists(path))
            {
                throw new CommandFailedException($"{path}: no such folder");
            }
            var result = DicomBenchRun.Run(path, parse.GetValue(rounds), line => { if (!asJson) { terminal.Line($"  {line}"); } });
            if (asJson)
            {
                terminal.Line(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            }
            else
            {
                var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
                table.AddRow("raw file read (ms/file)", $"{result.RawReadMsPerFile:F3}");
                table.AddRow("GDCM in-process (ms/file)", $"{result.InProcessMsPerFile:F3}");
                table.AddRow("GDCM sandboxed (ms/file)", $"{result.SandboxedMsPerFile:F3}");
                table.AddRow("folder import, sandboxed (ms/file)", $"{result.FolderImportMsPerFile:F3}");
                table.AddRow("sandboxed / in-process", $"{result.SandboxOverInProcess:F2}");
                table.AddRow("in-process / raw read", $"{result.InProcessOverRawRead:F1}");
                table.Caption($"{result.Files} files, {result.Rounds} rounds, {result.ProcessorCount} cores; import: {result.ImportOutcome}");
                terminal.Ansi.Write(table);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
