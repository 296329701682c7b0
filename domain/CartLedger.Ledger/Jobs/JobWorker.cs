using CartLedger.Ledger.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartLedger.Ledger.Jobs;

/// <summary>
/// One worker process's loop: rescue expired leases now and then, claim jobs of its kinds, run each with a
/// heartbeat that extends its lease, complete it with its results in one transaction, or record the failure.
/// </summary>
public sealed partial class JobWorker(NpgsqlDataSource dataSource, string workerId, IReadOnlyList<IJobHandler> handlers, JobWorkerOptions? options = null, ILogger? logger = null)
{
    private readonly JobQueue _queue = new(dataSource);
    private readonly JobWorkerOptions _options = options ?? new JobWorkerOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    public string WorkerId { get; } = workerId;

    /// <summary>Returns expired leases to the queue now (the loop of <see cref="RunAsync"/> does it every RescueInterval); returns how many.</summary>
    public Task<int> RescueExpiredAsync(CancellationToken cancellationToken = default) => _queue.RescueExpiredAsync(cancellationToken);

    /// <summary>Runs until cancelled (then ends in an OperationCanceledException): claim and run batches, wait for a notification or the poll interval when none is ready.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var wakeup = new LedgerWakeup(dataSource, JobQueue.JobsChannel);
        await wakeup.ListenAsync(cancellationToken);
        var nextRescue = DateTime.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (DateTime.UtcNow >= nextRescue)
            {
                await _queue.RescueExpiredAsync(cancellationToken);
                nextRescue = DateTime.UtcNow + _options.RescueInterval;
            }
            if (await RunOnceAsync(cancellationToken) == 0)
            {
                await wakeup.WaitAsync(_options.PollInterval, cancellationToken);
            }
        }
        // Cancelled between two batches: end as a cancelled task all the same, so callers see one outcome for a stop.
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Claims up to one batch and runs it; returns how many jobs it ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var jobs = await _queue.ClaimAsync(_handlers.Keys, WorkerId, _options.Lease, _options.ClaimBatch, cancellationToken, _options.OnlyStream);
        foreach (var job in jobs)
        {
            await RunOneAsync(job, cancellationToken);
        }
        return jobs.Count;
    }

    private async Task RunOneAsync(Job job, CancellationToken cancellationToken)
    {
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(job, leaseLost, stopHeartbeat.Token);
        try
        {
            var completion = await _handlers[job.Kind].RunAsync(job, leaseLost.Token);
            await StopAsync(stopHeartbeat, heartbeat);
            await _queue.CompleteAsync(job, completion, cancellationToken);
        }
        catch (Exception e) when (leaseLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested || e is LeaseLostException)
        {
            LogLeaseLost(_logger, job.Id, job.Kind, WorkerId);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(stopHeartbeat, heartbeat);
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, job.Attempt), _options.MaxRetryDelay.TotalSeconds));
            LogJobFailed(_logger, job.Id, job.Kind, job.Attempt, job.MaxAttempts, e);
            await _queue.FailAsync(job, $"{e.GetType().Name}: {e.Message}", delay, cancellationToken);
        }
        finally
        {
            await StopAsync(stopHeartbeat, heartbeat);
        }
    }

    private async Task HeartbeatAsync(Job job, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.Lease / 3, stop);
                if (!await _queue.ExtendLeaseAsync(job, _options.Lease, stop))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task StopAsync(CancellationTokenSource stopHeartbeat, Task heartbeat)
    {
        await stopHeartbeat.CancelAsync();
        await heartbeat;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}): attempt {Attempt} of {MaxAttempts} failed")]
    private static partial void LogJobFailed(ILogger logger, long jobId, string kind, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}): worker {WorkerId} lost its lease; its results were not written")]
    private static partial void LogLeaseLost(ILogger logger, long jobId, string kind, string workerId);
}
