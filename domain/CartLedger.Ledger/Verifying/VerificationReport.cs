namespace CartLedger.Ledger.Verifying;

/// <summary>
/// The outcome of a chain verification: how much was checked, where the verified log ends and, when the chain
/// is broken, the first position at which it stops being consistent.
/// </summary>
public sealed record VerificationReport(string Scope, long EventsChecked, long LastPosition, byte[] LogHash, ChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>The first inconsistency: its position (and stream place when known), its kind and a one-line reason.</summary>
public sealed record ChainBreak(long Position, Guid? StreamId, long? StreamVersion, ChainBreakKind Kind, string Reason);

public enum ChainBreakKind
{
    /// <summary>The event's stored bytes or placement no longer hash to its stored hash (modified).</summary>
    HashMismatch,

    /// <summary>The jsonb copy of the data or metadata (what SQL queries read) no longer matches the hashed text.</summary>
    JsonMismatch,

    /// <summary>The event's previous hash is not the hash of the stream's previous event (removed, inserted or reordered in its stream).</summary>
    StreamLinkBroken,

    /// <summary>The stream's versions are not 1, 2, 3, ... (an event removed or inserted in the stream).</summary>
    StreamVersionGap,

    /// <summary>The global chain does not link (the event or its predecessor was replaced).</summary>
    LogLinkBroken,

    /// <summary>A position is missing from the gapless log (an event removed).</summary>
    PositionGap,

    /// <summary>The log's end disagrees with the log head or a stream's recorded version (events removed or added at the end).</summary>
    HeadMismatch,

    /// <summary>The log differs from a signed checkpoint (history rewritten, however consistently).</summary>
    CheckpointMismatch,
}
