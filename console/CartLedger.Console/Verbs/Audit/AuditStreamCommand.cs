using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartLedger.Console.Cli;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Reading;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Audit;

/// <summary>`cartledger audit stream ID`: a stream's events with who, when, role, terminal, reason and algorithm, now or as it was.</summary>
public static class AuditStreamCommand
{
    public static Command Create(Terminal terminal)
    {
        var id = new Argument<Guid>("ID") { Description = "The stream id (a procedure, a study)." };
        var asOf = new Option<string?>("--as-of") { Description = "The stream as recorded at this time (ISO 8601; no offset means UTC)." };
        var version = new Option<long?>("--version") { Description = "The stream up to this version." };
        var json = AuditCommand.JsonOption();
        var command = new Command("stream", "List a stream's events with who did what, when (recorded and stated), in which role, from where, why and with which algorithm.")
        {
            id, asOf, version, json,
        }.WithExamples("./cartledger audit stream 5f0c9d1e-3b7a-4c61-9a0e-2d4b8f6a1c37",
            "./cartledger audit stream 5f0c9d1e-3b7a-4c61-9a0e-2d4b8f6a1c37 --as-of 2026-03-04T10:00:00Z --json",
            "./cartledger audit stream 5f0c9d1e-3b7a-4c61-9a0e-2d4b8f6a1c37 --version 3");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var range = Range(parse.GetValue(asOf), parse.GetValue(version));
            var store = await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
            var streamId = parse.GetValue(id);
            var info = await store.GetStreamAsync(streamId, cancellationToken) ?? throw new CommandFailedException($"no stream {streamId}");
            var events = await store.ReadStreamAsync(streamId, range, cancellationToken);
            if (parse.GetValue(json))
            {
                terminal.Line(JsonSerializer.Serialize(new { stream = info, events = events.Select(ToJson) }, AuditCommand.Json));
            }
            else if (terminal.IsInteractive)
            {
                terminal.Ansi.Write(Table(info, events));
            }
            else
            {
                terminal.Line($"stream {info.StreamId} ({info.StreamType}), version {info.Version}; showing {events.Count} events");
                foreach (var e in events)
                {
                    terminal.Line(string.Join("  ", Cells(e)));
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static StreamRange Range(string? asOf, long? version)
    {
        if (asOf is not null && version is not null)
        {
            throw new UsageException("audit stream: give --as-of or --version, not both");
        }
        if (asOf is null)
        {
            return version is { } v ? StreamRange.UpToVersion(v) : StreamRange.All;
        }
        return DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? StreamRange.AsOfTime(time)
            : throw new UsageException($"audit stream: --as-of '{asOf}' is not an ISO 8601 time (e.g. 2026-03-04T10:00:00Z)");
    }

    private static string[] Cells(RecordedEvent e) =>
    [
        $"v{e.StreamVersion}", $"#{e.Position}", e.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.EventType, $"{e.Metadata.Actor.Name} ({e.Metadata.Actor.Role.ToStoredName()})", e.Metadata.Terminal,
        e.Metadata.Reason ?? "", e.Metadata.Computation is { } c ? $"{c.AlgorithmName} {c.AlgorithmVersion}" : "",
    ];

    private static Table Table(StreamInfo info, IReadOnlyList<RecordedEvent> events)
    {
        var table = new Table().Title($"stream {info.StreamId} ({info.StreamType}), version {info.Version}")
            .AddColumns("ver", "pos", "recorded (UTC)", "event", "who (role)", "terminal", "reason", "algorithm");
        foreach (var e in events)
        {
            table.AddRow(Cells(e).Select(Markup.Escape).ToArray());
        }
        return table;
    }

    private static object ToJson(RecordedEvent e) => new
    {
        position = e.Position,
        streamVersion = e.StreamVersion,
        eventId = e.EventId,
        eventType = e.EventType,
        schemaVersion = e.SchemaVersion,
        storedSchemaVersion = e.StoredSchemaVersion,
        recordedAt = e.RecordedAt,
        occurredAt = e.OccurredAt,
        actor = new { id = e.Metadata.Actor.Id, name = e.Metadata.Actor.Name, role = e.Metadata.Actor.Role.ToStoredName() },
        terminal = e.Metadata.Terminal,
        correlationId = e.Metadata.CorrelationId,
        causationId = e.Metadata.CausationId,
        reason = e.Metadata.Reason,
        algorithm = e.Metadata.Computation is { } c ? new { name = c.AlgorithmName, version = c.AlgorithmVersion, parameters = JsonNode.Parse(c.ParametersJson), inputs = c.Inputs, outputSha256 = c.OutputSha256 } : null,
        softwareVersion = e.Metadata.SoftwareVersion,
        hash = Hex.Of(e.Hash),
        data = JsonNode.Parse(e.Data),
    };
}
