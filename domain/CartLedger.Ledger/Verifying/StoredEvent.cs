using CartLedger.Ledger.Hashing;
using Npgsql;

namespace CartLedger.Ledger.Verifying;

/// <summary>An events row exactly as stored, with nothing parsed: what the hashes cover.</summary>
internal sealed record StoredEvent(
    long Position, Guid EventId, Guid StreamId, long StreamVersion, string EventType, int SchemaVersion,
    string DataText, string MetadataText, DateTimeOffset RecordedAt, DateTimeOffset? OccurredAt,
    byte[] PrevHash, byte[] Hash, byte[] LogHash, bool JsonAgrees)
{
    public const string Columns =
        "position, event_id, stream_id, stream_version, event_type, schema_version, data_text, metadata_text, " +
        "recorded_at, occurred_at, prev_hash, hash, log_hash, (data = data_text::jsonb and metadata = metadata_text::jsonb)";

    public static StoredEvent Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt32(5),
        reader.GetString(6), reader.GetString(7), Utc(reader.GetDateTime(8)), reader.IsDBNull(9) ? null : Utc(reader.GetDateTime(9)),
        reader.GetFieldValue<byte[]>(10), reader.GetFieldValue<byte[]>(11), reader.GetFieldValue<byte[]>(12), reader.GetBoolean(13));

    /// <summary>The hash this row should carry, recomputed from its stored fields and its stored previous hash.</summary>
    public byte[] RecomputeHash()
    {
        Span<byte> digest = stackalloc byte[EventHashing.HashBytes];
        EventHashing.ContentDigest(EventId, StreamId, StreamVersion, OccurredAt, SchemaVersion, EventType, MetadataText, DataText, digest);
        var hash = new byte[EventHashing.HashBytes];
        EventHashing.EventHash(Position, RecordedAt, digest, PrevHash, hash);
        return hash;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
