using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Projections;

/// <summary>
/// A read model as SQL tables that one class keeps up to date from events. Adding one: subclass, name it, list
/// its tables, give their DDL, write <see cref="HandleAsync"/>, and register it inline (with the append) or
/// async (with the <see cref="Running.ProjectionDaemon"/>). Writes must depend on the events only (no clock,
/// no random, no other tables), so that a rebuild from position 0 produces identical tables.
/// </summary>
public abstract class Projection : IEventBatchHandler
{
    /// <summary>Stable name; the async checkpoint is <c>projection:{Name}</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Bump when the tables or the mapping change: the projection is then rebuilt from position 0.</summary>
    public virtual int Version => 1;

    /// <summary>The tables it owns (schema-qualified): dropped and re-created by a rebuild, hashed to compare rebuilds.</summary>
    public abstract IReadOnlyList<string> Tables { get; }

    /// <summary>DDL that creates the tables and their indexes.</summary>
    public abstract string CreateSql { get; }

    /// <summary>Applies a batch of consecutive events in the given transaction (inline: the append's; async: the batch's).</summary>
    public abstract Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    internal async Task RecreateTablesAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            await using var drop = new NpgsqlCommand($"drop table if exists {table} cascade", transaction.Connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var create = new NpgsqlCommand(CreateSql, transaction.Connection, transaction);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
