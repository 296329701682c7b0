using System.Security.Cryptography;
using System.Text;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Ledger.Jobs;
using CartLedger.Ledger.Procedures;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Hosting;

/// <summary>What a job computed: the commands to decide and the blobs to store with their events.</summary>
public sealed record JobOutcome(IReadOnlyList<ProcedureCommand> Commands, IReadOnlyList<byte[]> Blobs)
{
    public static JobOutcome Nothing { get; } = new([], []);
}

/// <summary>The triggering event and the procedure as it is when the job runs.</summary>
public sealed record JobContext(Job Job, Guid ProcedureId, ProcedureRecord Trigger, ProcedureState State, IReadOnlyList<ProcedureRecord> Records, DateTimeOffset Now);

/// <summary>
/// A job about one procedure event: load the stream, compute outside any transaction, and return the completion that
/// decides the resulting commands on the then-current state and appends them in the transaction that completes the
/// job. The append id derives from (kind, triggering event), so a job that runs twice (a lost lease, a re-delivery)
/// appends once. A computation that fails for a reason a person can act on becomes a ComputationFailed event; after
/// the job's last attempt any other error does too ("internal-error"), so a procedure never waits silently.
/// </summary>
public abstract class ProcedureJobHandler(ProcedureAppender appender, WorkerIdentity identity) : IJobHandler
{
    protected ProcedureAppender Appender { get; } = appender;
    protected WorkerIdentity Identity { get; } = identity;

    public abstract string Kind { get; }

    /// <summary>What <see cref="ComputationFailed.Computation"/> names (e.g. "cmr-analysis").</summary>
    protected abstract string ComputationName { get; }

    protected abstract Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken);

    public async Task<JobCompletion?> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Parse(job.PayloadJson);
        var (state, records) = await Appender.LoadAsync(payload.StreamId, cancellationToken);
        var trigger = records.FirstOrDefault(r => r.Recorded.EventId == job.SourceEventId)
            ?? throw new InvalidOperationException($"job {job.Id}: event {job.SourceEventId} is not in stream {payload.StreamId}");
        if (state.IsCompleted)
        {
            return null; // a completed procedure takes no computed results (the decider would refuse them)
        }
        var context = new JobContext(job, payload.StreamId, trigger, state, records, Appender.Clock.GetUtcNow());
        JobOutcome outcome;
        try
        {
            outcome = await ComputeAsync(context, cancellationToken);
        }
        catch (ComputationProblem problem)
        {
            outcome = Failure(context, problem.Code, problem.Message, problem.StudyId, problem.Algorithm);
        }
        catch (Exception e) when (e is not OperationCanceledException && job.Attempt >= job.MaxAttempts)
        {
            outcome = Failure(context, "internal-error", $"{e.GetType().Name}: {e.Message} (after {job.Attempt} attempts)", null, null);
        }
        if (outcome.Commands.Count == 0)
        {
            return null;
        }
        var appendId = DerivedIds.From("job-result", job.Kind, job.SourceEventId.ToString());
        return async (transaction, ct) =>
        {
            var (current, _) = await Appender.LoadAsync(payload.StreamId, ct);
            var (request, _) = Appender.Prepare(payload.StreamId, current, outcome.Commands, appendId, trigger.Recorded.Metadata.CorrelationId, job.SourceEventId, outcome.Blobs);
            await Appender.AppendAsync(transaction, request, ct);
        };
    }

    private JobOutcome Failure(JobContext context, string code, string reason, Guid? studyId, AlgorithmInfo? algorithm)
    {
        var info = algorithm ?? new AlgorithmInfo($"cartledger.workers.{ComputationName}", WorkerVersion, [], [Hash(context.Trigger.Recorded.Data)], Hash($"{code}\n{reason}"));
        return new JobOutcome([new RecordComputationFailure(Identity.Actor, context.Now, ComputationName, code, reason, studyId, info)], []);
    }

    public const string WorkerVersion = "1.0.0";

    protected static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A computation that cannot produce its result for a reason a person can act on (recorded as ComputationFailed).</summary>
public sealed class ComputationProblem(string code, string message, Guid? studyId = null, AlgorithmInfo? algorithm = null) : Exception(message)
{
    public string Code { get; } = code;
    public Guid? StudyId { get; } = studyId;
    public AlgorithmInfo? Algorithm { get; } = algorithm;
}
