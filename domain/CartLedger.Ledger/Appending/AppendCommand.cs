using CartLedger.Ledger.Events;
using Npgsql;
using NpgsqlTypes;

namespace CartLedger.Ledger.Appending;

/// <summary>One call of <c>ledger.append</c>: the whole append is a single statement and a single round trip.</summary>
internal static class AppendCommand
{
    private const string Sql =
        "select event_position, event_version, event_recorded_at, event_hash, duplicate from ledger.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    public static async Task<(AppendResult Result, IReadOnlyList<RecordedEvent> Events)> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, AppendRequest request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        var events = request.Events;
        command.Parameters.Add(new NpgsqlParameter<Guid>() { TypedValue = request.StreamId });
        command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = request.StreamType });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)request.ExpectedVersion.Version ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid>() { TypedValue = request.AppendId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>() { TypedValue = [.. events.Select(e => e.EventId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>() { TypedValue = [.. events.Select(e => e.EventType)] });
        command.Parameters.Add(new NpgsqlParameter<int[]>() { TypedValue = [.. events.Select(e => e.SchemaVersion)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>() { TypedValue = [.. events.Select(e => e.Data)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>() { TypedValue = MetadataTexts(events) });
        command.Parameters.Add(new NpgsqlParameter<DateTime?[]>()
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            TypedValue = [.. events.Select(e => e.OccurredAt?.UtcDateTime)],
        });

        var recorded = new List<RecordedEvent>(events.Count);
        var duplicate = false;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var index = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                duplicate = reader.GetBoolean(4);
                var source = events[Math.Min(index++, events.Count - 1)];
                recorded.Add(new RecordedEvent(reader.GetInt64(0), source.EventId, request.StreamId, reader.GetInt64(1), source.EventType,
                    source.SchemaVersion, source.Data, source.Metadata, ToUtc(reader.GetDateTime(2)), source.OccurredAt, reader.GetFieldValue<byte[]>(3)));
            }
        }
        catch (PostgresException e)
        {
            throw LedgerErrors.Translate(e, request);
        }
        var result = new AppendResult(request.StreamId, recorded[0].Position, recorded[^1].Position, recorded[^1].StreamVersion, recorded[0].RecordedAt, duplicate);
        return (result, duplicate ? [] : recorded);
    }

    // The events of one command usually share one metadata object: serialise it once.
    private static string[] MetadataTexts(IReadOnlyList<NewEvent> events)
    {
        var texts = new string[events.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = i > 0 && ReferenceEquals(events[i].Metadata, events[i - 1].Metadata) ? texts[i - 1] : MetadataJson.Write(events[i].Metadata);
        }
        return texts;
    }

    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
