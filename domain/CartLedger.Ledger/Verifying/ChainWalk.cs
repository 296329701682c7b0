using CartLedger.Ledger.Hashing;

namespace CartLedger.Ledger.Verifying;

/// <summary>
/// Walks events and returns the first inconsistency. Per event, in this order: the stream's version sequence,
/// the link to the stream's previous hash, the event's own hash; in a whole-log walk also the gapless position
/// and the global log link. The order makes the reported reason the most specific one.
/// </summary>
internal sealed class ChainWalk(bool wholeLog)
{
    private readonly Dictionary<Guid, (long Version, byte[] Hash, long Position)> _streams = [];
    private byte[] _logHash = EventHashing.Genesis.ToArray();

    public long Count { get; private set; }
    public long LastPosition { get; private set; }
    public byte[] LogHash => _logHash;
    public IReadOnlyDictionary<Guid, (long Version, byte[] Hash, long Position)> Streams => _streams;

    public ChainBreak? Accept(StoredEvent e)
    {
        if (wholeLog && e.Position != LastPosition + 1)
        {
            return Break(LastPosition + 1, null, null, ChainBreakKind.PositionGap,
                $"position {LastPosition + 1} is missing: the log goes from {LastPosition} to {e.Position}");
        }
        var (version, previousHash, _) = _streams.TryGetValue(e.StreamId, out var s) ? s : (0L, EventHashing.Genesis.ToArray(), 0L);
        if (e.StreamVersion != version + 1)
        {
            return Break(e.Position, e.StreamId, e.StreamVersion, ChainBreakKind.StreamVersionGap,
                $"stream {e.StreamId} goes from version {version} to {e.StreamVersion}");
        }
        if (!e.PrevHash.AsSpan().SequenceEqual(previousHash))
        {
            return Break(e.Position, e.StreamId, e.StreamVersion, ChainBreakKind.StreamLinkBroken,
                $"its previous hash is not the hash of version {version} of its stream");
        }
        if (!e.RecomputeHash().AsSpan().SequenceEqual(e.Hash))
        {
            return Break(e.Position, e.StreamId, e.StreamVersion, ChainBreakKind.HashMismatch,
                "its stored bytes do not hash to its stored hash (the event was modified)");
        }
        if (!e.JsonAgrees)
        {
            return Break(e.Position, e.StreamId, e.StreamVersion, ChainBreakKind.JsonMismatch,
                "its jsonb copy no longer matches its hashed text (the jsonb was modified)");
        }
        if (wholeLog)
        {
            var logHash = new byte[EventHashing.HashBytes];
            EventHashing.LogHash(_logHash, e.Hash, logHash);
            if (!logHash.AsSpan().SequenceEqual(e.LogHash))
            {
                return Break(e.Position, e.StreamId, e.StreamVersion, ChainBreakKind.LogLinkBroken,
                    "its log hash does not follow from the previous position's (an event was replaced)");
            }
            _logHash = logHash;
        }
        _streams[e.StreamId] = (e.StreamVersion, e.Hash, e.Position);
        Count++;
        LastPosition = e.Position;
        return null;
    }

    private static ChainBreak Break(long position, Guid? streamId, long? version, ChainBreakKind kind, string reason) =>
        new(position, streamId, version, kind, $"position {position}: {reason}");
}
