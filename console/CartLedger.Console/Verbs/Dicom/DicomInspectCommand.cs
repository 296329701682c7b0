using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Dicom;

/// <summary>
/// `cartledger dicom inspect PATH...`: per file, modality, SOP class, transfer syntax, dimensions, frames,
/// geometry and whether the pixels decode, or one error line. Files are decoded in a sandboxed child process
/// with a time limit each, so no file can crash or hang the command. Exit 0 when every file is readable.
/// </summary>
public static class DicomInspectCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create(Terminal terminal)
    {
        // ZeroOrMore, checked below: a required argument would make CliApp refuse `inspect --help` as bad usage.
        var paths = new Argument<string[]>("paths") { Description = "DICOM files or folders (searched recursively).", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of one line per file." };
        var timeout = new Option<double>("--timeout-seconds") { Description = "Stop decoding a file after this many seconds.", DefaultValueFactory = _ => 60 };
        var command = new Command("inspect", "Summarise DICOM files: modality, SOP class, transfer syntax, size, geometry, whether pixels decode.")
            .WithExamples("./cartledger dicom inspect ../shared/data/xray", "./cartledger dicom inspect --json scan.dcm");
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction(parse => Run(terminal, parse.GetValue(paths) ?? [], parse.GetValue(json), parse.GetValue(timeout)));
        return command;
    }

    private static int Run(Terminal terminal, string[] paths, bool asJson, double timeoutSeconds)
    {
        if (paths.Length == 0)
        {
            throw new UsageException("dicom inspect needs at least one file or folder (see 'cartledger dicom inspect --help')");
        }
        if (!(timeoutSeconds > 0))
        {
            throw new UsageException($"--timeout-seconds must be positive, got {timeoutSeconds}");
        }
        if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            throw new CommandFailedException($"{missing}: no such file or folder");
        }
        var options = DicomReadOptions.Default with { TimeoutPerFile = TimeSpan.FromSeconds(timeoutSeconds) };
        var results = new List<InspectedFile>();
        foreach (var file in DicomInspection.Inspect(paths, options))
        {
            results.Add(file);
            if (!asJson)
            {
                Print(terminal, file);
            }
        }
        if (asJson)
        {
            var summary = new { files = results, total = results.Count, readable = results.Count(r => r.Readable) };
            terminal.Out.WriteLine(JsonSerializer.Serialize(summary, Json));
        }
        var unreadable = results.Count(r => !r.Readable);
        if (results.Count == 0)
        {
            throw new CommandFailedException($"no files under {string.Join(", ", paths)}");
        }
        if (unreadable > 0)
        {
            throw new CommandFailedException($"{unreadable} of {results.Count} files could not be read");
        }
        return ExitCodes.Success;
    }

    private static void Print(Terminal terminal, InspectedFile file)
    {
        var elapsed = file.ElapsedMs.ToString("0", CultureInfo.InvariantCulture);
        if (!file.Readable)
        {
            Line(terminal, $"{file.Path}: error: {file.Error} ({elapsed} ms)", "red");
            return;
        }
        var size = file.HasPixelData
            ? $"{file.Columns}x{file.Rows}, {file.Frames} frame{(file.Frames == 1 ? "" : "s")}{(file.SamplesPerPixel == 3 ? " RGB" : "")}, {file.PhotometricInterpretation}"
            : "no pixel data";
        var pixels = file.HasPixelData ? "pixels decode" : "no pixels";
        Line(terminal, $"{file.Path}: {file.Modality} | {file.SopClassName} | {file.TransferSyntaxName} | {size} | {file.Geometry} | {pixels} ({elapsed} ms)", "green");
    }

    private static void Line(Terminal terminal, string text, string colour)
    {
        if (terminal.IsInteractive)
        {
            terminal.Ansi.MarkupLine($"[{colour}]{Markup.Escape(text)}[/]");
        }
        else
        {
            terminal.Line(text);
        }
    }
}
