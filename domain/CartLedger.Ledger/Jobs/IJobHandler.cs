namespace CartLedger.Ledger.Jobs;

/// <summary>
/// Does one kind of job. <see cref="RunAsync"/> computes outside any transaction (it may take minutes; the worker
/// keeps the lease alive) and returns the writes that complete the job, which the worker runs in the transaction
/// that marks it completed. Results are appended with an append id derived from the job, so even a job that runs
/// twice after a lost lease appends its result once.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobCompletion?> RunAsync(Job job, CancellationToken cancellationToken);
}

/// <summary>How a worker leases, polls, rescues and backs off.</summary>
public sealed record JobWorkerOptions
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);
    public int ClaimBatch { get; init; } = 1;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RescueInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Claim only jobs whose payload's <c>"stream_id"</c> is this stream (e.g. one procedure); null claims all.</summary>
    public Guid? OnlyStream { get; init; }

    /// <summary>Wait before attempt n + 1 after a failed attempt n: 2^n seconds, at most this.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);
}
