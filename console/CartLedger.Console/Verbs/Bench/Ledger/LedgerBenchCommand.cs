using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>`cartledger bench ledger`: append throughput against a plain-insert baseline, projection lag, verification speed.</summary>
public static class LedgerBenchCommand
{
    public static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per phase and round.", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating baseline/ledger rounds (averaged).", DefaultValueFactory = _ => 2 };
        var writers = new Option<int>("--writers") { Description = "Concurrent writers.", DefaultValueFactory = _ => 4 };
        var batch = new Option<int>("--events-per-append") { Description = "Events per append (and rows per baseline insert).", DefaultValueFactory = _ => 10 };
        var bytes = new Option<int>("--payload-bytes") { Description = "Approximate bytes of each event's JSON data.", DefaultValueFactory = _ => 1024 };
        var command = new Command("ledger", "Append throughput vs. plain batched inserts (same payloads, same run), projection lag, chain verification speed. Uses a scratch database, dropped afterwards.")
        {
            json, seconds, rounds, writers, batch, bytes,
        }.WithExamples("./cartledger bench ledger", "./cartledger bench ledger --json", "./cartledger bench ledger --seconds 10 --rounds 3");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LedgerBenchSettings(parse.GetValue(writers), parse.GetValue(batch), parse.GetValue(bytes), parse.GetValue(seconds), parse.GetValue(rounds));
            if (settings.Writers < 1 || settings.EventsPerAppend < 1 || settings.PayloadBytes < 64 || settings.Seconds <= 0 || settings.Rounds < 1)
            {
                throw new UsageException("bench ledger: --writers, --events-per-append, --rounds >= 1, --payload-bytes >= 64 and --seconds > 0");
            }
            var asJson = parse.GetValue(json);
            var result = await LedgerBenchRun.RunAsync(Database.ConnectionString, settings,
                line => { if (!asJson) { terminal.Line($"  {line}"); } }, cancellationToken);
            if (asJson)
            {
                terminal.Line(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }
            else
            {
                terminal.Ansi.Write(Render(result));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Table Render(LedgerBenchResult r)
    {
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("goal");
        table.AddRow("ledger appends (events/s)", $"{r.AppendEventsPerSec:N0}", ">= 5,000 on 2 cores");
        table.AddRow("plain batched inserts (rows/s)", $"{r.BaselineRowsPerSec:N0}", "baseline, same run");
        table.AddRow("ratio", $"{r.Ratio:F2}", ">= 0.5");
        table.AddRow("projection lag p50 (ms)", $"{r.ProjectionLagMsP50:F1}", "");
        table.AddRow("projection lag p99 (ms)", $"{r.ProjectionLagMsP99:F1}", "< 1000");
        table.AddRow("chain verification (events/s)", $"{r.VerifyEventsPerSec:N0}", $"{r.EventsVerified:N0} events, {(r.LedgerIntact ? "intact" : "BROKEN")}");
        table.Caption($"{r.Writers} writers, {r.EventsPerAppend} events of ~{r.PayloadBytes} B per append, {r.SecondsPerPhase} s per phase, {r.ProcessorCount} cores");
        return table;
    }
}
