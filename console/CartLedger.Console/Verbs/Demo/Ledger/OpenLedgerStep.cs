using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger;
using CartLedger.Ledger.Schema;
using CartLedger.Ledger.Upcasting;
using CartLedger.Projections;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Creates (or upgrades) the local store: the ledger and projections schemas, by their numbered migrations.</summary>
public sealed class OpenLedgerStep : IDemoStep
{
    public string Title => "Open the local ledger (apply migrations)";

    /// <summary>The domain's upcasters (pure JSON steps) in the ledger's registry: old event shapes are read as current ones.</summary>
    public static UpcasterRegistry Upcasters { get; } =
        ProcedureUpcasters.All.Aggregate(UpcasterRegistry.Empty, (registry, u) => registry.With(u.EventType, u.FromVersion, u.Transform));

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var applied = await LedgerSchema.MigrateAsync(context.DataSource, cancellationToken);
        await ProjectionsSchema.MigrateAsync(context.DataSource, cancellationToken);
        context.Store = new EventStore(context.DataSource, new LedgerOptions { Upcasters = Upcasters });
        var head = await context.Store.GetHeadAsync(cancellationToken);
        context.Say($"ledger schema current ({applied} migrations applied just now); the log holds {head.Position} events");
    }
}
