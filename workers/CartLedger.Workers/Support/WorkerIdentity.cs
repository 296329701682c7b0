using CartLedger.Domain.Access;

namespace CartLedger.Workers.Support;

/// <summary>Who a worker process appends as (role worker), the terminal it names and the build it runs.</summary>
public sealed record WorkerIdentity(Actor Actor, string Terminal, string SoftwareVersion)
{
    public static WorkerIdentity ForHost(string softwareVersion) =>
        new(new Actor($"wk.{Environment.MachineName.ToLowerInvariant()}", $"Compute worker on {Environment.MachineName}", Role.Worker), Environment.MachineName, softwareVersion);
}
