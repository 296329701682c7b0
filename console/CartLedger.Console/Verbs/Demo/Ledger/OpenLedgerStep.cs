using CartLedger.Console.Cli;
using CartLedger.Ledger;
using CartLedger.Projections;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Creates (or upgrades) the local store: the ledger and projections schemas, by their numbered migrations.</summary>
public sealed class OpenLedgerStep : IDemoStep
{
    public string Title => "Open the local ledger (apply migrations)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        context.Store = await Database.OpenLedgerAsync(new LedgerOptions { Upcasters = LegacyLeadPosition.Upcasters }, cancellationToken);
        await ProjectionsSchema.MigrateAsync(context.Store.DataSource, cancellationToken);
        await using var command = context.Store.DataSource.CreateCommand(
            "select count(*), count(*) filter (where applied_at > now() - interval '1 minute') from ledger.schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var head = await context.Store.GetHeadAsync(cancellationToken);
        context.Say($"schema: {reader.GetInt64(0)} migrations ({reader.GetInt64(1)} applied just now); the log holds {head.Position} events");
    }
}
