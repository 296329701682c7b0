using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>
/// Schema evolution with the domain's real upcaster: a <c>follow_up_recorded</c> v1 (the old 6-month-only shape)
/// imported from a legacy system is stored as written (its bytes and hash never change) and read as v2.
/// </summary>
public sealed class ReadLegacyEventStep : IDemoStep
{
    private const string LegacyFollowUpV1 =
        """{"by":{"user_id":"dr.devries","printed_name":"Dr. A. de Vries","role":"cardiologist"},"occurred_at":"2025-09-12T10:00:00+00:00","lvesv_ml":118,"lvedv_ml":190,"lvef_percent":34,"nt_pro_bnp_pg_ml":640}""";

    public string Title => "Read an old event shape through the upcaster registry (schema evolution)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var importer = new EventMetadata(new Actor("demo.worker", "Legacy import", ActorRole.Worker), "import-host", Guid.NewGuid(), null, "0.0.9-legacy");
        var stream = Guid.NewGuid();
        var legacy = new NewEvent(Guid.NewGuid(), "follow_up_recorded", 1, LegacyFollowUpV1, importer, new DateTimeOffset(2025, 9, 12, 10, 0, 0, TimeSpan.Zero));
        await context.Store.AppendAsync(new AppendRequest(stream, "legacy_import", ExpectedVersion.NoStream, Guid.NewGuid(), [legacy]), cancellationToken);

        var asStored = (await new EventStore(context.DataSource).ReadStreamAsync(stream, cancellationToken: cancellationToken)).Single();
        var current = (await context.Store.ReadStreamAsync(stream, cancellationToken: cancellationToken)).Single();
        var decoded = (FollowUpRecorded)ProcedureEventCodec.Decode(current.EventType, current.SchemaVersion, current.DataUtf8());
        context.Say($"stored  v{asStored.SchemaVersion}: {asStored.Data}");
        context.Say($"read as v{current.SchemaVersion}: {current.Data}");
        context.Say($"decoded by the domain codec: {decoded.GetType().Name}, visit {decoded.Visit}");
    }
}
