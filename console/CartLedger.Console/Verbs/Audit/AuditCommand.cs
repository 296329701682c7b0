using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs.Audit;

/// <summary>`cartledger audit ...`: what a regulatory auditor runs. Every sub-verb only reads the ledger.</summary>
public static class AuditCommand
{
    public static Command Create(Terminal terminal)
    {
        var audit = new Command("audit", "Verify the hash chains, sign and check checkpoints, read a stream as it was (read-only).")
            .WithExamples("./cartledger audit verify", "./cartledger audit stream 5f0c9d1e-3b7a-4c61-9a0e-2d4b8f6a1c37 --as-of 2026-03-04T10:00:00Z");
        audit.Subcommands.Add(AuditVerifyCommand.Create(terminal));
        audit.Subcommands.Add(AuditCheckpointCommand.Create(terminal));
        audit.Subcommands.Add(AuditVerifyCheckpointCommand.Create(terminal));
        audit.Subcommands.Add(AuditStreamCommand.Create(terminal));
        return audit;
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    internal static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object (for scripts) instead of text." };
}
