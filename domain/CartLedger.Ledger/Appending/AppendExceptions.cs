using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Appending;

/// <summary>The stream was not at the expected version; nothing was written. Reload, decide again, retry.</summary>
public sealed class ConcurrencyException(Guid streamId, ExpectedVersion expected, long actualVersion, Exception? inner = null)
    : LedgerException($"stream {streamId} is at version {actualVersion}, the append expected {expected}", inner)
{
    public Guid StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long ActualVersion { get; } = actualVersion;
}

/// <summary>The actor's role may not append (auditors and researchers only read).</summary>
public sealed class AppendForbiddenException(ActorRole role, string eventType)
    : LedgerException($"a {role.ToStoredName()} may not append events (refused '{eventType}')")
{
    public ActorRole Role { get; } = role;
}

/// <summary>The stream exists with another type (a stream id collision or a wrong command target).</summary>
public sealed class StreamTypeMismatchException(Guid streamId, string message, Exception? inner = null) : LedgerException(message, inner)
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>An append id was reused for a different stream: a caller bug, refused.</summary>
public sealed class AppendIdReusedException(Guid appendId, string message, Exception? inner = null) : LedgerException(message, inner)
{
    public Guid AppendId { get; } = appendId;
}

/// <summary>The stream is archived and takes no new events.</summary>
public sealed class StreamArchivedException(Guid streamId, string message, Exception? inner = null) : LedgerException(message, inner)
{
    public Guid StreamId { get; } = streamId;
}
