using CartLedger.Ledger.Schema;
using Npgsql;

namespace CartLedger.Projections;

/// <summary>The projections schema and its bookkeeping table (migrations of component "projections").</summary>
public static class ProjectionsSchema
{
    public const string Component = "projections";

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await LedgerSchema.MigrateAsync(dataSource, cancellationToken);
        await SchemaMigrator.MigrateAsync(dataSource, typeof(ProjectionsSchema).Assembly, Component, cancellationToken);
    }
}
