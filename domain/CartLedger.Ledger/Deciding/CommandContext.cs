using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Deciding;

/// <summary>
/// Where a command goes and who sent it. <see cref="CommandId"/> is the idempotency key of the append: sending
/// the same command again (a retry after a timeout) writes nothing new. <see cref="RetrySafe"/>: on a concurrency
/// conflict the handler reloads and decides again (up to <see cref="MaxAttempts"/>); leave it false for decisions
/// a person must re-make on the new state (e.g. choosing a target).
/// </summary>
public sealed record CommandContext(Guid StreamId, string StreamType, Guid CommandId, EventMetadata Metadata)
{
    public bool RetrySafe { get; init; }
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Content-addressed files stored with the events (e.g. the DICOM files an import lists).</summary>
    public IReadOnlyList<byte[]> Blobs { get; init; } = [];
}

/// <summary>
/// What a command did: the state after it, the events it added (empty when the decision added none or when the
/// command had already been handled), the stream version and, when it appended, where.
/// </summary>
public sealed record CommandResult<TState, TEvent>(TState State, IReadOnlyList<TEvent> NewEvents, long StreamVersion, Appending.AppendResult? Append);
