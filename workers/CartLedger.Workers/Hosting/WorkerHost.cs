using CartLedger.Cmr.Analysis;
using CartLedger.Ledger;
using CartLedger.Ledger.Jobs;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Registration;
using CartLedger.Workers.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartLedger.Workers.Hosting;

/// <summary>How a worker host runs.</summary>
public sealed record WorkerHostOptions
{
    /// <summary>This process's worker id (the lease holder named in ledger.jobs).</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Run only jobs about this procedure (the subscription still turns every event into jobs).</summary>
    public Guid? OnlyProcedure { get; init; }

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public CmrParameters Cmr { get; init; } = CmrParameters.Default;

    /// <summary>The treatment-file export run on TargetChosen; null runs <see cref="CmrTreatmentExport"/> with <see cref="Cmr"/> in a scratch folder.</summary>
    public ITreatmentExport? TreatmentExport { get; init; }
}

/// <summary>What one drain did.</summary>
public sealed record DrainReport(long EventsDispatched, int JobsRun, int LeasesRescued, JobCounts Counts);

/// <summary>
/// The worker process: a subscription ("workers.jobs") turns relevant events into jobs in the transaction that moves
/// its checkpoint (the ledger is the outbox), and a <see cref="JobWorker"/> claims them under leases (FOR UPDATE SKIP
/// LOCKED), rescues expired ones, runs the CMR and registration handlers and appends their results in the transaction
/// that completes the job. Any number of hosts may run side by side.
/// </summary>
public sealed class WorkerHost
{
    private readonly Subscription _subscription;
    private readonly JobWorker _worker;
    private readonly JobQueue _queue;

    public WorkerHost(EventStore store, WorkerIdentity identity, TimeProvider clock, WorkerHostOptions? options = null, ILogger? logger = null)
    {
        Options = options ?? new WorkerHostOptions();
        var appender = new ProcedureAppender(store, clock, identity.Terminal, identity.SoftwareVersion);
        Handlers =
        [
            new CmrAnalysisHandler(appender, identity, Options.Cmr),
            new CmrRecomputeHandler(appender, identity, Options.Cmr),
            new TreatmentExportHandler(appender, identity, Options.TreatmentExport ?? new CmrTreatmentExport(Options.Cmr)),
            new RegistrationProposalHandler(appender, identity),
            new CtRegistrationProposalHandler(appender, identity),
            new LandmarkRegistrationHandler(appender, identity),
            new LeadMeasurementHandler(appender, identity),
            new OverlayHandler(appender, identity),
        ];
        _subscription = new Subscription(store, WorkerJobs.SubscriptionName, new JobDispatcher(WorkerJobs.For), logger: logger);
        _worker = new JobWorker(store.DataSource, Options.WorkerId, Handlers,
            new JobWorkerOptions { Lease = Options.Lease, OnlyStream = Options.OnlyProcedure, PollInterval = TimeSpan.FromSeconds(1) }, logger ?? NullLogger.Instance);
        _queue = new JobQueue(store.DataSource);
    }

    public WorkerHostOptions Options { get; }
    public IReadOnlyList<IJobHandler> Handlers { get; }

    /// <summary>
    /// `worker --once`: dispatch every event not yet dispatched, rescue expired leases, run jobs until none is left
    /// (results can cause further jobs: dispatched and run in the same drain), then return.
    /// </summary>
    public async Task<DrainReport> DrainAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        long dispatched = 0;
        var ran = 0;
        var rescued = await _worker.RescueExpiredAsync(cancellationToken);
        while (true)
        {
            dispatched += await _subscription.CatchUpAsync(cancellationToken);
            var count = await _worker.RunOnceAsync(cancellationToken);
            if (count == 0)
            {
                if (await _subscription.CatchUpAsync(cancellationToken) == 0)
                {
                    break;
                }
                continue;
            }
            ran += count;
            progress?.Invoke($"{ran} job(s) run");
        }
        return new DrainReport(dispatched, ran, rescued, await _queue.CountAsync(cancellationToken));
    }

    /// <summary>`worker`: the subscription and the job loop, until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_subscription.RunAsync(cancellationToken), _worker.RunAsync(cancellationToken));
}
