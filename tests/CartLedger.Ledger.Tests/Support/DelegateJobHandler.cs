using CartLedger.Ledger.Jobs;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>A job handler that runs <c>work</c> and completes with no further writes.</summary>
public sealed class DelegateJobHandler(string kind, Action<Jobs.Job> work) : IJobHandler
{
    public string Kind { get; } = kind;

    public Task<JobCompletion?> RunAsync(Jobs.Job job, CancellationToken cancellationToken)
    {
        work(job);
        return Task.FromResult<JobCompletion?>(null);
    }
}
