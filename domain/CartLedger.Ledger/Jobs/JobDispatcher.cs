using CartLedger.Ledger.Events;
using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Ledger.Jobs;

/// <summary>
/// A subscription handler that turns events into jobs (the ledger is the outbox: no dual write). Enqueuing is
/// idempotent on (kind, source event), and nothing is enqueued while replaying, so a rebuild or a re-delivered
/// batch never creates work twice.
/// </summary>
public sealed class JobDispatcher(Func<RecordedEvent, IEnumerable<JobRequest>> jobsFor) : IEventBatchHandler
{
    public async Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (batch.Replay)
        {
            return;
        }
        foreach (var request in batch.Events.SelectMany(jobsFor))
        {
            await JobQueue.EnqueueAsync(transaction, request, cancellationToken);
        }
    }
}
