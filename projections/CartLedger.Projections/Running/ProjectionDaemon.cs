using CartLedger.Ledger;
using CartLedger.Ledger.Subscriptions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CartLedger.Projections.Running;

/// <summary>
/// Keeps async projections up to date: one subscription per projection (checkpoint <c>projection:{Name}</c>,
/// moved in the transaction that writes the read tables). Before running, each projection is made ready:
/// created on first use and rebuilt from position 0 when its <see cref="Projection.Version"/> changed.
/// </summary>
public sealed class ProjectionDaemon
{
    private readonly EventStore _store;
    private readonly IReadOnlyList<Projection> _projections;
    private readonly IReadOnlyList<Subscription> _subscriptions;

    public ProjectionDaemon(EventStore store, IReadOnlyList<Projection> projections, SubscriptionOptions? options = null, ILogger? logger = null)
    {
        _store = store;
        _projections = projections;
        _subscriptions = [.. projections.Select(p => new Subscription(store, CheckpointName(p), p, options, logger))];
    }

    public static string CheckpointName(Projection projection) => $"projection:{projection.Name}";

    /// <summary>Creates or rebuilds projections whose tables are missing or whose version changed.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken = default) =>
        EnsureReadyAsync(_store, _projections, ProjectionMode.Async, cancellationToken);

    /// <summary>The same for inline projections (call before the first append that runs them).</summary>
    public static async Task EnsureReadyAsync(EventStore store, IReadOnlyList<Projection> projections, ProjectionMode mode, CancellationToken cancellationToken = default)
    {
        await ProjectionsSchema.MigrateAsync(store.DataSource, cancellationToken);
        foreach (var projection in projections)
        {
            if (await StoredVersionAsync(store.DataSource, projection, cancellationToken) != projection.Version)
            {
                await ProjectionRebuild.RunAsync(store, projection, mode, cancellationToken);
            }
        }
    }

    /// <summary>Runs every projection's subscription until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await Task.WhenAll(_subscriptions.Select(s => s.RunAsync(cancellationToken)));
    }

    /// <summary>Brings every projection to the end of the log now; returns the events applied.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken);
        long total = 0;
        foreach (var subscription in _subscriptions)
        {
            total += await subscription.CatchUpAsync(cancellationToken);
        }
        return total;
    }

    /// <summary>Rebuilds one projection from position 0 (its subscription pauses while the rebuild holds the checkpoint).</summary>
    public Task<long> RebuildAsync(string name, CancellationToken cancellationToken = default)
    {
        var projection = _projections.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"no projection named '{name}' (known: {string.Join(", ", _projections.Select(p => p.Name))})");
        return ProjectionRebuild.RunAsync(_store, projection, ProjectionMode.Async, cancellationToken);
    }

    private static async Task<int?> StoredVersionAsync(NpgsqlDataSource dataSource, Projection projection, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select version from projections.projection_state where name = $1");
        command.Parameters.AddWithValue(projection.Name);
        return await command.ExecuteScalarAsync(cancellationToken) as int?;
    }
}
