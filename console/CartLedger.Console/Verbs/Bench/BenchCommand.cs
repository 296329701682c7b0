using System.CommandLine;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs.Bench;

/// <summary>
/// `cartledger bench AREA`: performance and accuracy benchmarks. Each reports ratios against a baseline
/// measured in the same run (the machine is shared and noisy) and prints one JSON object with --json.
/// </summary>
public static class BenchCommand
{
    public static Command Create(Terminal terminal)
    {
        var bench = new Command("bench", "Run a benchmark and report its figures (one JSON object with --json).")
            .WithExamples("./cartledger bench ledger --json");
        Command[] areas =
        [
            BenchImagingCommand.Create(terminal),
            Ledger.LedgerBenchCommand.Create(terminal),
            Dicom.DicomBenchCommand.Create(terminal),
            Cmr.CmrBenchCommand.Create(terminal),
            Registration.RegistrationBenchCommand.Create(terminal),
        ];
        foreach (var area in areas)
        {
            bench.Subcommands.Add(area);
        }
        return bench;
    }
}
