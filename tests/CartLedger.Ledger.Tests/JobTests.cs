using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Jobs;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

public class JobTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private JobQueue Queue => new(DataSource);

    private async Task<IReadOnlyList<JobRequest>> EnqueueSegmentationJobsAsync(int count, string kind, int maxAttempts = 3)
    {
        var result = await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(count, "study_imported")), Ct);
        var requests = Enumerable.Range(0, count)
            .Select(i => new JobRequest(kind, Guid.NewGuid(), result.FirstPosition + i, $$"""{"series":{{i}}}""", maxAttempts)).ToList();
        await using var connection = await DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        foreach (var request in requests)
        {
            await JobQueue.EnqueueAsync(transaction, request, Ct);
        }
        await transaction.CommitAsync(Ct);
        return requests;
    }

    [Fact]
    public async Task A_dispatcher_creates_each_job_once_even_when_its_batch_is_delivered_again()
    {
        var dispatcher = new JobDispatcher(e => e.EventType == "scan_acquired" ? [new JobRequest("dispatch.segment", e.EventId, e.Position)] : []);
        await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(3, "scan_acquired")), Ct);
        var subscription = new Subscription(Store, "dispatcher", dispatcher);
        await subscription.CatchUpAsync(Ct);
        var events = (await Store.ReadAllAsync(0, int.MaxValue, Ct)).Where(e => e.EventType == "scan_acquired").ToList();

        await using (var connection = await DataSource.OpenConnectionAsync(Ct))
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await dispatcher.HandleAsync(new EventBatch(events, Replay: false), transaction, Ct);
            await dispatcher.HandleAsync(new EventBatch(events, Replay: true), transaction, Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(3, await ScalarAsync<long>("select count(*) from ledger.jobs where kind = 'dispatch.segment'"));
    }

    [Fact]
    public async Task Competing_workers_complete_every_job_exactly_once()
    {
        await EnqueueSegmentationJobsAsync(30, "compete.segment");
        var handled = new System.Collections.Concurrent.ConcurrentBag<(string Worker, long Job)>();
        var workers = Enumerable.Range(1, 3).Select(w => new JobWorker(DataSource, $"worker-{w}",
            [new DelegateJobHandler("compete.segment", job => handled.Add(($"worker-{w}", job.Id)))], new JobWorkerOptions { ClaimBatch = 2 })).ToList();

        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (await w.RunOnceAsync(Ct) > 0)
            {
            }
        }, Ct)));

        Assert.Equal(30, handled.Select(h => h.Job).Distinct().Count());
        Assert.Equal(30, handled.Count);
        Assert.Equal(30, await ScalarAsync<long>("select count(*) from ledger.jobs where kind = 'compete.segment' and state = 'completed'"));
    }

    [Fact]
    public async Task An_expired_lease_is_rescued_and_the_late_worker_writes_nothing()
    {
        await EnqueueSegmentationJobsAsync(1, "lease.segment");
        var dead = (await Queue.ClaimAsync(["lease.segment"], "worker-that-dies", TimeSpan.FromMilliseconds(200), 1, Ct)).Single();
        Assert.Empty(await Queue.ClaimAsync(["lease.segment"], "other", TimeSpan.FromMinutes(1), 1, Ct));
        await Task.Delay(400, Ct);

        var rescued = await Queue.RescueExpiredAsync(Ct);
        var retried = (await Queue.ClaimAsync(["lease.segment"], "worker-2", TimeSpan.FromMinutes(1), 1, Ct)).Single();
        var resultStream = Guid.NewGuid();
        var late = await Assert.ThrowsAsync<LeaseLostException>(() => Queue.CompleteAsync(dead, AppendResult(resultStream), Ct));
        await Queue.CompleteAsync(retried, AppendResult(resultStream), Ct);

        Assert.True(rescued >= 1);
        Assert.Equal((dead.Id, 2), (retried.Id, retried.Attempt));
        Assert.Equal(dead.Id, late.JobId);
        Assert.Equal(1, (await Store.GetStreamAsync(resultStream, Ct))!.Version);
        Assert.Equal("completed", await ScalarAsync<string>("select state from ledger.jobs where id = $1", dead.Id));
    }

    [Fact]
    public async Task A_job_that_keeps_failing_ends_failed_with_its_last_error()
    {
        await EnqueueSegmentationJobsAsync(1, "failing.segment", maxAttempts: 2);
        var worker = new JobWorker(DataSource, "worker-f", [new DelegateJobHandler("failing.segment", _ => throw new InvalidDataException("LGE series has no slices"))]);

        await worker.RunOnceAsync(Ct);
        await ExecuteAsync("update ledger.jobs set run_at = clock_timestamp() where kind = 'failing.segment'");
        await worker.RunOnceAsync(Ct);

        Assert.Equal("failed", await ScalarAsync<string>("select state from ledger.jobs where kind = 'failing.segment'"));
        Assert.Contains("LGE series has no slices", await ScalarAsync<string>("select last_error from ledger.jobs where kind = 'failing.segment'"), StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync<int>("select attempts from ledger.jobs where kind = 'failing.segment'"));
    }

    [Fact]
    public async Task A_heartbeat_keeps_a_long_job_leased()
    {
        await EnqueueSegmentationJobsAsync(1, "long.segment");
        var worker = new JobWorker(DataSource, "worker-long",
            [new DelegateJobHandler("long.segment", _ => Thread.Sleep(900))], new JobWorkerOptions { Lease = TimeSpan.FromMilliseconds(300) });

        var ran = worker.RunOnceAsync(Ct);
        await Task.Delay(600, Ct);
        var rescuedWhileRunning = await Queue.RescueExpiredAsync(Ct);
        await ran;

        Assert.Equal(0, rescuedWhileRunning);
        Assert.Equal("completed", await ScalarAsync<string>("select state from ledger.jobs where kind = 'long.segment'"));
    }

    // The job's result: appended with an append id derived from the job, so a second run cannot append it twice.
    private JobCompletion AppendResult(Guid stream) => (transaction, cancellationToken) =>
        Store.AppendAsync(transaction, new AppendRequest(stream, Sample.StreamType, ExpectedVersion.Any, Guid.Parse("00000000-0000-0000-0000-0000000000aa"),
            [Sample.Event("myocardium_segmented", role: ActorRole.Worker)]), cancellationToken);
}
