using System.Text;

namespace CartLedger.Ledger.Events;

/// <summary>
/// An event as the ledger holds it. <see cref="Data"/> and <see cref="SchemaVersion"/> are the current shape
/// (old versions are upcast on read); <see cref="StoredSchemaVersion"/> is what was written. Hashes are over
/// the stored bytes, never the upcast view.
/// </summary>
public sealed record RecordedEvent(
    long Position,
    Guid EventId,
    Guid StreamId,
    long StreamVersion,
    string EventType,
    int SchemaVersion,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OccurredAt,
    byte[] Hash)
{
    public int StoredSchemaVersion { get; init; } = SchemaVersion;

    /// <summary>The data as UTF-8 JSON, the form codecs decode.</summary>
    public byte[] DataUtf8() => Encoding.UTF8.GetBytes(Data);
}
