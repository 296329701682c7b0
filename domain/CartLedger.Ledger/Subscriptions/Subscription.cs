using CartLedger.Ledger.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartLedger.Ledger.Subscriptions;

/// <summary>
/// A named reader of the global log that never skips and never repeats an event: each batch is read, handled
/// and checkpointed in one transaction, so a crash anywhere in it rolls back to the last checkpoint. Several
/// processes may run the same subscription; the checkpoint row lock (SKIP LOCKED) lets one work at a time and
/// another take over when it dies.
/// </summary>
public sealed partial class Subscription(EventStore store, string name, IEventBatchHandler handler, SubscriptionOptions? options = null, ILogger? logger = null)
{
    private readonly SubscriptionOptions _options = options ?? new SubscriptionOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("a subscription needs a name") : name;

    /// <summary>Runs until cancelled (then ends in an OperationCanceledException): catch up, sleep until a notification or the poll interval, repeat; a failing batch is retried with back-off.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var wakeup = new LedgerWakeup(store.DataSource);
        await wakeup.ListenAsync(cancellationToken);
        await EnsureCheckpointAsync(cancellationToken);
        var retryDelay = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken);
                retryDelay = TimeSpan.FromMilliseconds(500);
                await wakeup.WaitAsync(_options.PollInterval, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(_logger, Name, retryDelay.TotalSeconds, e);
                await Task.Delay(retryDelay, cancellationToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
        // Cancelled between two batches: end as a cancelled task all the same, so callers see one outcome for a stop.
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Handles batches until the subscriber has reached the end of the log; returns how many events it handled.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCheckpointAsync(cancellationToken);
        long total = 0;
        while (await ProcessNextBatchAsync(cancellationToken) is var handled and > 0)
        {
            total += handled;
        }
        return total;
    }

    /// <summary>
    /// One transaction: lock the checkpoint (or return 0 when another process holds it), read the next events,
    /// hand the consecutive ones to the handler, move the checkpoint, commit.
    /// </summary>
    public async Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Checkpoints.LockAsync(transaction, Name, cancellationToken) is not { } checkpoint)
        {
            return 0;
        }
        var events = Consecutive(await store.ReadAllAsync(connection, transaction, checkpoint, _options.BatchSize, cancellationToken), checkpoint);
        if (events.Count == 0)
        {
            return 0;
        }
        await handler.HandleAsync(new EventBatch(events, Replay: false), transaction, cancellationToken);
        await Checkpoints.MoveAsync(transaction, Name, events[^1].Position, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>The subscription's checkpoint: the last position it has handled.</summary>
    public Task<long?> GetCheckpointAsync(CancellationToken cancellationToken = default) => Checkpoints.ReadAsync(store.DataSource, Name, cancellationToken);

    private Task EnsureCheckpointAsync(CancellationToken cancellationToken) =>
        Checkpoints.EnsureAsync(store.DataSource, Name, _options.Start, cancellationToken);

    // Positions are gapless and assigned in commit order, so a gap can only mean a reader raced ahead of a commit
    // that is not visible yet; stopping at it (and re-reading later) makes "never skip" hold even then.
    private static List<RecordedEvent> Consecutive(List<RecordedEvent> events, long checkpoint)
    {
        var count = 0;
        while (count < events.Count && events[count].Position == checkpoint + count + 1)
        {
            count++;
        }
        return count == events.Count ? events : events[..count];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {Subscription}: batch failed, retrying in {RetrySeconds} s")]
    private static partial void LogBatchFailed(ILogger logger, string subscription, double retrySeconds, Exception exception);
}
