using System.Reflection;
using Npgsql;

namespace CartLedger.Ledger.Schema;

/// <summary>
/// Applies the embedded, numbered SQL scripts of one component (ledger, projections, ...) that a database
/// has not seen yet. Every starter may call it: an advisory lock serialises concurrent starters, applied
/// scripts are recorded with their SHA-256, and all pending scripts commit together or not at all.
/// </summary>
public static class SchemaMigrator
{
    // "CartLedg" as a 64-bit key: one advisory lock for all components of one database.
    private const long LockKey = 0x436172744C656467;

    /// <summary>Applies pending scripts; returns how many were applied (0 when the database is current).</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, Assembly assembly, string component, CancellationToken cancellationToken = default)
    {
        var scripts = MigrationScript.LoadEmbedded(assembly);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "select pg_advisory_xact_lock($1)", cancellationToken, LockKey);
        await ExecuteAsync(connection, """
            create schema if not exists ledger;
            create table if not exists ledger.schema_migrations (
              component text not null,
              version int not null,
              name text not null,
              sha256 bytea not null,
              applied_at timestamptz not null default clock_timestamp(),
              primary key (component, version))
            """, cancellationToken);
        var applied = await AppliedAsync(connection, component, cancellationToken);
        var count = 0;
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Version, out var sha256))
            {
                if (!sha256.AsSpan().SequenceEqual(script.Sha256))
                {
                    throw new InvalidOperationException(
                        $"migration {component} {script.Version:D4}_{script.Name} changed after it was applied; add a new numbered script instead");
                }
                continue;
            }
            await ExecuteAsync(connection, script.Sql, cancellationToken);
            await ExecuteAsync(connection, "insert into ledger.schema_migrations (component, version, name, sha256) values ($1, $2, $3, $4)",
                cancellationToken, component, script.Version, script.Name, script.Sha256);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static async Task<Dictionary<int, byte[]>> AppliedAsync(NpgsqlConnection connection, string component, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version, sha256 from ledger.schema_migrations where component = $1", connection);
        command.Parameters.AddWithValue(component);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, byte[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetFieldValue<byte[]>(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
