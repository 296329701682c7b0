using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Dicom;
using CartLedger.Ledger.Jobs;
using CartLedger.Testing;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Import;
using CartLedger.Workers.Tests.Support;

namespace CartLedger.Workers.Tests;

/// <summary>Bad input named, nothing partial written; a crashed worker's job rescued and its result appended once.</summary>
public class FailureAndRescueTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly WorkerLedger _ledger = new(database);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _ledger.InitializeAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await _ledger.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_cine_without_an_LV_in_view_ends_in_a_failure_event_naming_the_problem_and_manual_work_can_go_on()
    {
        var procedure = await _ledger.OpenProcedureAsync(Ct);
        var import = await _ledger.Importer.ImportAsync(BadStudies.CineWithoutLv("no-lv-1"), procedure, Ct);

        var drained = await _ledger.Host(procedure).DrainAsync(cancellationToken: Ct);

        var events = await _ledger.EventsAsync(procedure, Ct);
        var failed = Assert.IsType<ComputationFailed>(events[^1]);
        Assert.Equal(("cmr-analysis", "lv-not-found"), (failed.Computation, failed.Code));
        Assert.Contains("importing contours", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(import.Studies).StudyId, failed.StudyId);
        Assert.Equal(1, drained.JobsRun);
        Assert.DoesNotContain(events, e => e is MyocardiumSegmented);
        // The procedure is not blocked: an analyst can still record the CT landmarks, contours, etc. by hand.
        await _ledger.StaffAsync(procedure, new TracePhrenicNerve(Domain.Demo.DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, failed.StudyId!.Value, [new(1, 2, 3), new(4, 5, 6)]), Ct);
    }

    [Fact]
    public async Task A_crashed_workers_job_is_rescued_after_its_lease_and_its_result_appended_once()
    {
        var procedure = await _ledger.OpenProcedureAsync(Ct);
        await _ledger.Importer.ImportAsync(BadStudies.CineWithoutLv("no-lv-2"), procedure, Ct);
        var host = _ledger.Host(procedure, "survivor");
        await host.DrainAsync(cancellationToken: Ct); // dispatches; runs it
        // Simulate a crash: the job is made again (as if the first run had never happened) and claimed by a worker
        // that dies holding it (never completes); its lease runs out.
        await using (var reset = _ledger.DataSource.CreateCommand("delete from ledger.jobs"))
        {
            await reset.ExecuteNonQueryAsync(Ct);
        }
        await using (var rewind = _ledger.DataSource.CreateCommand("update ledger.subscriptions set position = 0 where name = 'workers.jobs'"))
        {
            await rewind.ExecuteNonQueryAsync(Ct);
        }
        await new Ledger.Subscriptions.Subscription(_ledger.Store, WorkerJobs.SubscriptionName, new JobDispatcher(WorkerJobs.For)).CatchUpAsync(Ct);
        var queue = new JobQueue(_ledger.DataSource);
        var claimed = Assert.Single(await queue.ClaimAsync([WorkerJobs.CmrAnalyse], "crashed-worker", TimeSpan.FromMilliseconds(300), 1, Ct, procedure));
        var before = (await _ledger.EventsAsync(procedure, Ct)).Count;
        while ((await queue.CountAsync(Ct)).Running > 0 && await queue.RescueExpiredAsync(Ct) == 0)
        {
            await Task.Delay(100, Ct);
        }

        var drained = await _ledger.Host(procedure, "survivor").DrainAsync(cancellationToken: Ct);

        Assert.Equal(1, drained.JobsRun);
        Assert.Equal(0, drained.Counts.Running);
        Assert.Equal(before, (await _ledger.EventsAsync(procedure, Ct)).Count); // the rerun's append id equals the first run's
        await Assert.ThrowsAsync<LeaseLostException>(() => queue.CompleteAsync(claimed, null, Ct));
    }

    [Fact]
    public async Task An_X_ray_without_C_arm_geometry_is_refused_naming_the_file_and_the_tag_and_nothing_is_written()
    {
        var procedure = await _ledger.OpenProcedureAsync(Ct);
        var (folder, file) = BadStudies.XaWithoutGeometry("xa-1");

        var error = await Assert.ThrowsAsync<StudyImportRejectedException>(() => _ledger.Importer.ImportAsync(folder, procedure, Ct));

        var reason = Assert.Single(error.Reasons);
        Assert.Contains(file, reason, StringComparison.Ordinal);
        Assert.Contains(DicomTags.PositionerPrimaryAngle.ToString(), reason, StringComparison.Ordinal);
        Assert.Single(await _ledger.EventsAsync(procedure, Ct));
        Assert.False(await new Ledger.Blobs.BlobStore(_ledger.DataSource).ExistsAsync(Ledger.Blobs.BlobStore.HashOf(await File.ReadAllBytesAsync(file, Ct)), Ct));
    }

    [Fact]
    public async Task A_running_worker_host_picks_up_an_import_without_being_asked()
    {
        var procedure = await _ledger.OpenProcedureAsync(Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = _ledger.Host(procedure, "long-running").RunAsync(stop.Token);

        await _ledger.Importer.ImportAsync(BadStudies.CineWithoutLv("no-lv-3"), procedure, Ct);
        // Woken by the append's notification (or the 1 s poll); the loop is bounded by the test's own cancellation.
        while (!(await _ledger.EventsAsync(procedure, Ct)).OfType<ComputationFailed>().Any())
        {
            Assert.False(running.IsCompleted, running.Exception?.ToString());
            await Task.Delay(200, Ct);
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal("lv-not-found", Assert.Single((await _ledger.EventsAsync(procedure, Ct)).OfType<ComputationFailed>()).Code);
    }
}
