using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Console.Verbs.Audit;

/// <summary>`cartledger audit verify [--stream ID] [--json]`: recompute the chains; exit 1 with the first bad position.</summary>
public static class AuditVerifyCommand
{
    public static Command Create(Terminal terminal)
    {
        var stream = new Option<Guid?>("--stream") { Description = "Verify one stream (its versions, links and hashes) instead of the whole ledger." };
        var deep = new Option<bool>("--deep") { Description = "Also check that every event's jsonb copy (what SQL queries read) still equals its hashed text (slower)." };
        var json = AuditCommand.JsonOption();
        var command = new Command("verify", "Recompute every hash from the stored bytes. Exit 0 when intact; exit 1 naming the first bad position and why.")
        {
            stream, deep, json,
        }.WithExamples("./cartledger audit verify", "./cartledger audit verify --deep --json", "./cartledger audit verify --stream 5f0c9d1e-3b7a-4c61-9a0e-2d4b8f6a1c37");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
            var verifier = new ChainVerifier(Database.DataSource);
            var report = parse.GetValue(stream) is { } id
                ? await verifier.VerifyStreamAsync(id, parse.GetValue(deep), cancellationToken)
                : await verifier.VerifyLedgerAsync(new VerifyOptions(CheckJsonCopies: parse.GetValue(deep)), cancellationToken);
            Print(terminal, report, parse.GetValue(json));
            return report.Intact ? ExitCodes.Success : throw new CommandFailedException($"{report.Scope}: chain broken at {report.FirstBreak!.Reason}");
        });
        return command;
    }

    internal static void Print(Terminal terminal, VerificationReport report, bool asJson)
    {
        if (asJson)
        {
            terminal.Line(JsonSerializer.Serialize(new
            {
                scope = report.Scope,
                intact = report.Intact,
                eventsChecked = report.EventsChecked,
                lastPosition = report.LastPosition,
                logHash = report.LogHash.Length > 0 ? Hex.Of(report.LogHash) : null,
                firstBreak = report.FirstBreak is { } b ? new { position = b.Position, streamId = b.StreamId, streamVersion = b.StreamVersion, kind = b.Kind.ToString(), reason = b.Reason } : null,
            }, AuditCommand.Json));
            return;
        }
        terminal.Line(report.Intact
            ? $"{report.Scope}: intact, {report.EventsChecked} events verified" + (report.LogHash.Length > 0 ? $", log head {report.LastPosition} {Hex.Of(report.LogHash)}" : "")
            : $"{report.Scope}: BROKEN after {report.EventsChecked} good events; first bad {report.FirstBreak!.Reason} [{report.FirstBreak.Kind}]");
    }
}
