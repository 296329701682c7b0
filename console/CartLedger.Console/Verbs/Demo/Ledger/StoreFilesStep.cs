using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Blobs;
using CartLedger.Ledger.Events;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>
/// Two ledger guarantees in action: bytes stored content-addressed in the same transaction as the event that
/// lists them (verified on read), and a stale terminal's append refused with nothing written.
/// </summary>
public sealed class StoreFilesStep : IDemoStep
{
    public string Title => "Store file bytes with their event; refuse a stale append";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var analyst = new EventMetadata(new Actor("demo.analyst", "Lena Vogt", ActorRole.Analyst), "imaging-ws-1", Guid.NewGuid(), null, SoftwareVersion.Current);
        var bytes = SyntheticFileBytes();
        var sha256 = BlobStore.HashOf(bytes);
        var stream = Guid.NewGuid();
        var stored = await context.Store.AppendAsync(new AppendRequest(stream, "ledger_demo", ExpectedVersion.NoStream, Guid.NewGuid(),
            [new NewEvent(Guid.NewGuid(), "demo.files_stored", 1, $$"""{"files":["{{sha256}}"]}""", analyst)])
        { Blobs = [bytes] }, cancellationToken);
        var readBack = await new BlobStore(context.DataSource).GetAsync(sha256, cancellationToken);
        context.Say($"{bytes.Length} bytes stored as sha256 {sha256} with the event at position {stored.FirstPosition}; read back and re-hashed: {readBack.Length} bytes");

        var procedure = context.Recall<Guid>(ProcedureThroughDeciderStep.ProcedureKey);
        var version = (await context.Store.GetStreamAsync(procedure, cancellationToken))!.Version;
        try
        {
            await context.Store.AppendAsync(new AppendRequest(procedure, "crt_procedure", ExpectedVersion.Exactly(version - 1), Guid.NewGuid(),
                [new NewEvent(Guid.NewGuid(), "demo.stale_note", 1, """{"text":"typed on a screen that missed the last event"}""", analyst)]), cancellationToken);
            throw new InvalidOperationException("demo: a stale append was accepted");
        }
        catch (ConcurrencyException e)
        {
            context.Say($"a terminal that had loaded version {version - 1} tried to append: refused, nothing written ({e.Message})");
        }
    }

    // Deterministic stand-in bytes; the imaging step stores real DICOM files the same way.
    private static byte[] SyntheticFileBytes()
    {
        var bytes = new byte[16 * 1024];
        new Random(20260304).NextBytes(bytes);
        return bytes;
    }
}
