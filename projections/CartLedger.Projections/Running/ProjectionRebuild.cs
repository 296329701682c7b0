using CartLedger.Ledger;
using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Projections.Running;

/// <summary>
/// Drops a projection's tables, re-creates them and replays the whole log into them, in one transaction: readers
/// see the old tables until the new ones commit. Handlers get <see cref="EventBatch.Replay"/> = true, so nothing
/// but the projection's own tables is written. An async projection's checkpoint moves with it; an inline
/// projection holds the log head while it rebuilds, so no append slips between the replay and the switch.
/// </summary>
public static class ProjectionRebuild
{
    private const int PageSize = 1000;

    /// <summary>Rebuilds from position 0; returns the last position replayed.</summary>
    public static async Task<long> RunAsync(EventStore store, Projection projection, ProjectionMode mode, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var checkpoint = ProjectionDaemon.CheckpointName(projection);
        var lockSql = mode == ProjectionMode.Inline
            ? "select position from ledger.log_head for update"
            : "insert into ledger.subscriptions (name, position) values ($1, 0) on conflict (name) do update set name = excluded.name returning position";
        await ExecuteAsync(transaction, lockSql, cancellationToken, mode == ProjectionMode.Async ? [checkpoint] : []);
        await projection.RecreateTablesAsync(transaction, cancellationToken);

        var position = 0L;
        while (true)
        {
            var page = await store.ReadAllAsync(transaction, position, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            await projection.HandleAsync(new EventBatch(page, Replay: true), transaction, cancellationToken);
            position = page[^1].Position;
        }
        if (mode == ProjectionMode.Async)
        {
            await ExecuteAsync(transaction, "update ledger.subscriptions set position = $2, updated_at = clock_timestamp() where name = $1",
                cancellationToken, checkpoint, position);
        }
        await ExecuteAsync(transaction,
            "insert into projections.projection_state (name, version, mode, rebuilt_at, rebuilt_through) values ($1, $2, $3, clock_timestamp(), $4) " +
            "on conflict (name) do update set version = excluded.version, mode = excluded.mode, rebuilt_at = excluded.rebuilt_at, rebuilt_through = excluded.rebuilt_through",
            cancellationToken, projection.Name, projection.Version, mode == ProjectionMode.Inline ? "inline" : "async", position);
        await transaction.CommitAsync(cancellationToken);
        return position;
    }

    internal static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
