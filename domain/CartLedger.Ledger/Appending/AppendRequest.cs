using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Appending;

/// <summary>
/// Several events for one stream, appended in one transaction or not at all. <see cref="AppendId"/> is the
/// caller's idempotency key (typically the command id): repeating the request returns the first result and
/// writes nothing. <see cref="Blobs"/> are stored in the same transaction, content-addressed by SHA-256.
/// </summary>
public sealed record AppendRequest
{
    public AppendRequest(Guid streamId, string streamType, ExpectedVersion expectedVersion, Guid appendId, IReadOnlyList<NewEvent> events)
    {
        StreamId = Require.Id(streamId, "stream id");
        StreamType = Require.Text(streamType, "stream type");
        ExpectedVersion = expectedVersion;
        AppendId = Require.Id(appendId, "append id");
        Events = events is { Count: > 0 } ? [.. events] : throw new ArgumentException($"an append to stream {streamId} needs at least one event");
        var forbidden = Events.FirstOrDefault(e => !e.Metadata.Actor.Role.MayAppend());
        if (forbidden is not null)
        {
            throw new AppendForbiddenException(forbidden.Metadata.Actor.Role, forbidden.EventType);
        }
        var duplicate = Events.GroupBy(e => e.EventId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"event id {duplicate.Key} appears twice in one append");
        }
    }

    public Guid StreamId { get; }
    public string StreamType { get; }
    public ExpectedVersion ExpectedVersion { get; }
    public Guid AppendId { get; }
    public IReadOnlyList<NewEvent> Events { get; }
    public IReadOnlyList<byte[]> Blobs { get; init; } = [];
}
