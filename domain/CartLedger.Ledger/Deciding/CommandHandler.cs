using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Deciding;

/// <summary>
/// Load, decide, append: folds the stream with <c>Evolve</c>, calls <c>Decide</c> with the time from the injected
/// <see cref="TimeProvider"/>, encodes the events and appends them at the version it loaded. A concurrency conflict
/// is retried (reload, decide again) only for retry-safe commands; otherwise it reaches the caller.
/// </summary>
public sealed class CommandHandler<TCommand, TEvent, TState>(EventStore store, Decider<TCommand, TEvent, TState> decider, EventCodec<TEvent> codec, TimeProvider time)
{
    public async Task<CommandResult<TState, TEvent>> HandleAsync(CommandContext context, TCommand command, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, version) = await LoadAsync(context.StreamId, cancellationToken);
            var now = time.GetUtcNow();
            var decided = decider.Decide(command, state, now);
            if (decided.Count == 0)
            {
                return new CommandResult<TState, TEvent>(state, [], version, null);
            }
            var request = new AppendRequest(context.StreamId, context.StreamType, ExpectedVersion.Exactly(version), context.CommandId,
                [.. decided.Select(e => Encode(e, context.Metadata, now))])
            {
                Blobs = context.Blobs,
            };
            try
            {
                var appended = await store.AppendAsync(request, cancellationToken);
                if (appended.Duplicate)
                {
                    var (current, currentVersion) = await LoadAsync(context.StreamId, cancellationToken);
                    return new CommandResult<TState, TEvent>(current, [], currentVersion, appended);
                }
                return new CommandResult<TState, TEvent>(decided.Aggregate(state, decider.Evolve), decided, appended.StreamVersion, appended);
            }
            catch (ConcurrencyException) when (context.RetrySafe && attempt < context.MaxAttempts)
            {
                // Someone appended in between: the decision is re-made on the new state.
            }
        }
    }

    /// <summary>The stream folded into its current state, and its version (0 for a stream that does not exist yet).</summary>
    public async Task<(TState State, long Version)> LoadAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        var state = events.Aggregate(decider.Initial, (s, e) => decider.Evolve(s, codec.Decode(new EncodedEvent(e.EventType, e.SchemaVersion, e.DataUtf8()))));
        return (state, events.Count == 0 ? 0 : events[^1].StreamVersion);
    }

    private NewEvent Encode(TEvent e, EventMetadata metadata, DateTimeOffset now)
    {
        var encoded = codec.Encode(e);
        return NewEvent.FromUtf8(Guid.CreateVersion7(now), encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json, metadata, codec.OccurredAt(e));
    }
}
