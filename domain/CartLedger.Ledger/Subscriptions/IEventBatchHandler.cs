using CartLedger.Ledger.Events;
using Npgsql;

namespace CartLedger.Ledger.Subscriptions;

/// <summary>
/// Consumes events inside a transaction it does not own: inline (the append's transaction), a subscription's
/// batch (the transaction that also moves its checkpoint) or a rebuild. Throwing rolls the whole batch back.
/// </summary>
public interface IEventBatchHandler
{
    Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>
/// Consecutive events in position order. <see cref="Replay"/> is true during a rebuild: a handler must then
/// only rebuild its own tables and never cause side effects (jobs, messages) a second time.
/// </summary>
public sealed record EventBatch(IReadOnlyList<RecordedEvent> Events, bool Replay);
