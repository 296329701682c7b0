namespace CartLedger.Ledger.Jobs;

/// <summary>
/// Work to do because of one event (e.g. segment the LGE series of a <c>study_imported</c>). (Kind, source event)
/// is unique: enqueuing it again, after a re-delivery or a replay, creates nothing.
/// </summary>
public sealed record JobRequest(string Kind, Guid SourceEventId, long SourcePosition, string PayloadJson = "{}", int MaxAttempts = 5);

/// <summary>A job leased to one worker until <see cref="LeaseExpiresAt"/> (database clock); <see cref="Attempt"/> counts from 1.</summary>
public sealed record Job(
    long Id,
    string Kind,
    Guid SourceEventId,
    long SourcePosition,
    string PayloadJson,
    int Attempt,
    int MaxAttempts,
    string LockedBy,
    DateTimeOffset LeaseExpiresAt);

/// <summary>How many jobs are in each state.</summary>
public sealed record JobCounts(long Available, long Running, long Completed, long Failed);

/// <summary>The worker no longer holds the job's lease (it expired and was rescued): its results were not written.</summary>
public sealed class LeaseLostException(long jobId, string workerId)
    : LedgerException($"job {jobId}: worker {workerId} no longer holds its lease; nothing was written")
{
    public long JobId { get; } = jobId;
}

/// <summary>
/// The writes that complete a job (typically an append of its result event), run in the transaction that marks
/// the job completed: both happen or neither does.
/// </summary>
public delegate Task JobCompletion(Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken);
