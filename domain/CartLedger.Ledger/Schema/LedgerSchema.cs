using Npgsql;

namespace CartLedger.Ledger.Schema;

/// <summary>The ledger's own tables and functions (schema <c>ledger</c>).</summary>
public static class LedgerSchema
{
    public const string Component = "ledger";

    /// <summary>Creates or upgrades the ledger schema; safe to call from every process at start-up.</summary>
    public static Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(dataSource, typeof(LedgerSchema).Assembly, Component, cancellationToken);
}
