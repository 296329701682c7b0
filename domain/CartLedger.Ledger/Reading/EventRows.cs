using CartLedger.Ledger.Events;
using CartLedger.Ledger.Upcasting;
using Npgsql;

namespace CartLedger.Ledger.Reading;

/// <summary>Reads <see cref="RecordedEvent"/>s from ledger.events: the stored text, upcast to the current shape.</summary>
internal static class EventRows
{
    public const string Columns =
        "position, event_id, stream_id, stream_version, event_type, schema_version, data_text, metadata_text, recorded_at, occurred_at, hash";

    public static async Task<List<RecordedEvent>> ReadAsync(NpgsqlCommand command, UpcasterRegistry upcasters, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Map(reader, upcasters));
        }
        return events;
    }

    private static RecordedEvent Map(NpgsqlDataReader reader, UpcasterRegistry upcasters)
    {
        var eventType = reader.GetString(4);
        var storedVersion = reader.GetInt32(5);
        var (schemaVersion, data) = upcasters.Upcast(eventType, storedVersion, reader.GetString(6));
        return new RecordedEvent(
            reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), eventType, schemaVersion, data,
            MetadataJson.Read(reader.GetString(7)), Utc(reader.GetDateTime(8)), reader.IsDBNull(9) ? null : Utc(reader.GetDateTime(9)),
            reader.GetFieldValue<byte[]>(10))
        {
            StoredSchemaVersion = storedVersion,
        };
    }

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
