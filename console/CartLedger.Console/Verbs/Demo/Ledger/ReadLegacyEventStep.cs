using CartLedger.Ledger;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Reads the legacy v1 lead measurement back: stored as v1 (bytes and hash unchanged), seen as v2 through the upcaster.</summary>
public sealed class ReadLegacyEventStep : IDemoStep
{
    public string Title => "Read an old event shape through the upcaster (schema evolution)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var stream = context.Recall<Guid>(RecordProcedureStep.ProcedureKey);
        var asStored = new EventStore(context.Store.DataSource); // no upcasters: the bytes as written
        var stored = (await asStored.ReadStreamAsync(stream, cancellationToken: cancellationToken)).First(e => e.EventType == LegacyLeadPosition.EventType);
        var current = (await context.Store.ReadStreamAsync(stream, cancellationToken: cancellationToken)).First(e => e.EventId == stored.EventId);
        context.Say($"stored  v{stored.SchemaVersion}: {stored.Data}");
        context.Say($"read as v{current.SchemaVersion}: {current.Data}");
    }
}
