using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>A handler that only reports what it was given.</summary>
public sealed class CallbackHandler(Action<EventBatch> onBatch) : IEventBatchHandler
{
    public Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        onBatch(batch);
        return Task.CompletedTask;
    }
}
