using Npgsql;

namespace CartLedger.Ledger.Jobs;

/// <summary>
/// Competing consumers over ledger.jobs: any number of worker processes on any number of hosts claim jobs with
/// FOR UPDATE SKIP LOCKED under a lease on the database clock. A lease that expires (its worker died or hung) is
/// returned by <see cref="RescueExpiredAsync"/>; a job that keeps failing ends as <c>failed</c> after its
/// maximum attempts, with its last error kept, never silently dropped.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource)
{
    private const string Returning =
        "returning j.id, j.kind, j.source_event_id, j.source_position, j.payload::text, j.attempts, j.max_attempts, j.locked_by, j.lease_expires_at";

    /// <summary>Enqueues in the caller's transaction; false when the (kind, source event) job already exists.</summary>
    public static async Task<bool> EnqueueAsync(NpgsqlTransaction transaction, JobRequest request, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            "insert into ledger.jobs (kind, source_event_id, source_position, payload, max_attempts) values ($1, $2, $3, $4::jsonb, $5) " +
            "on conflict (kind, source_event_id) do nothing", transaction.Connection, transaction);
        command.Parameters.AddWithValue(request.Kind);
        command.Parameters.AddWithValue(request.SourceEventId);
        command.Parameters.AddWithValue(request.SourcePosition);
        command.Parameters.AddWithValue(request.PayloadJson);
        command.Parameters.AddWithValue(request.MaxAttempts);
        var created = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (created)
        {
            await using var notify = new NpgsqlCommand($"select pg_notify('{JobsChannel}', '')", transaction.Connection, transaction);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        return created;
    }

    public const string JobsChannel = "cartledger_jobs";

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> available jobs of the given kinds to <paramref name="workerId"/>, oldest
    /// first; with <paramref name="onlyStream"/>, only jobs whose payload names that stream (<c>"stream_id"</c>).
    /// </summary>
    public async Task<IReadOnlyList<Job>> ClaimAsync(IReadOnlyCollection<string> kinds, string workerId, TimeSpan lease, int maxCount, CancellationToken cancellationToken = default, Guid? onlyStream = null)
    {
        await using var command = dataSource.CreateCommand(
            "with next as (select id from ledger.jobs where state = 'available' and kind = any($1) and run_at <= clock_timestamp() " +
            "              and ($5::text is null or payload->>'stream_id' = $5::text) " +
            "              order by run_at, id limit $4 for update skip locked) " +
            "update ledger.jobs j set state = 'running', attempts = j.attempts + 1, locked_by = $2, lease_expires_at = clock_timestamp() + $3 " +
            $"from next where j.id = next.id {Returning}");
        command.Parameters.AddWithValue(kinds.ToArray());
        command.Parameters.AddWithValue(workerId);
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(maxCount);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)onlyStream?.ToString() ?? DBNull.Value });
        return await ReadJobsAsync(command, cancellationToken);
    }

    /// <summary>Heartbeat: pushes the lease out; false when the lease was already lost.</summary>
    public async Task<bool> ExtendLeaseAsync(Job job, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "update ledger.jobs set lease_expires_at = clock_timestamp() + $4 where id = $1 and state = 'running' and locked_by = $2 and attempts = $3");
        AddLeaseKey(command, job);
        command.Parameters.AddWithValue(lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Marks the job completed and runs <paramref name="writeResults"/> in the same transaction, only while this
    /// worker still holds the lease; otherwise nothing is written and <see cref="LeaseLostException"/> is thrown.
    /// </summary>
    public async Task CompleteAsync(Job job, JobCompletion? writeResults, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The job row first: its lock keeps the rescuer away while the results are written.
        await using (var complete = new NpgsqlCommand(
            "update ledger.jobs set state = 'completed', finalized_at = clock_timestamp(), lease_expires_at = null " +
            "where id = $1 and state = 'running' and locked_by = $2 and attempts = $3", connection, transaction))
        {
            AddLeaseKey(complete, job);
            if (await complete.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new LeaseLostException(job.Id, job.LockedBy);
            }
        }
        if (writeResults is not null)
        {
            await writeResults(transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a failed attempt: the job becomes available again after <paramref name="retryDelay"/>, or failed after its last attempt.</summary>
    public async Task<bool> FailAsync(Job job, string error, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "update ledger.jobs set state = case when attempts >= max_attempts then 'failed' else 'available' end, " +
            "finalized_at = case when attempts >= max_attempts then clock_timestamp() end, run_at = clock_timestamp() + $5, " +
            "last_error = $4, locked_by = null, lease_expires_at = null " +
            "where id = $1 and state = 'running' and locked_by = $2 and attempts = $3");
        AddLeaseKey(command, job);
        command.Parameters.AddWithValue(error);
        command.Parameters.AddWithValue(retryDelay);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Returns jobs whose lease expired to the queue (or fails them after their last attempt); returns how many.</summary>
    public async Task<int> RescueExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "update ledger.jobs set state = case when attempts >= max_attempts then 'failed' else 'available' end, " +
            "finalized_at = case when attempts >= max_attempts then clock_timestamp() end, run_at = clock_timestamp(), " +
            "last_error = 'lease of ' || locked_by || ' expired', locked_by = null, lease_expires_at = null " +
            "where id in (select id from ledger.jobs where state = 'running' and lease_expires_at < clock_timestamp() for update skip locked)");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<JobCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) filter (where state = 'available'), count(*) filter (where state = 'running'), " +
            "count(*) filter (where state = 'completed'), count(*) filter (where state = 'failed') from ledger.jobs");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new JobCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static void AddLeaseKey(NpgsqlCommand command, Job job)
    {
        command.Parameters.AddWithValue(job.Id);
        command.Parameters.AddWithValue(job.LockedBy);
        command.Parameters.AddWithValue(job.Attempt);
    }

    private static async Task<IReadOnlyList<Job>> ReadJobsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new Job(reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc))));
        }
        return [.. jobs.OrderBy(j => j.Id)];
    }
}
