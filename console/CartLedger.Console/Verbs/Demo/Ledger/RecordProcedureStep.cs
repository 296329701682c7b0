using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Blobs;
using CartLedger.Ledger.Events;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>
/// Appends a short procedure-shaped stream, one command per append at its expected version: scheduling, a study
/// import that stores its bytes in the blob store, a computed scar segmentation, the cardiologist's target choice
/// with a reason, a lead measurement from a legacy terminal (schema v1) and the current one, completion.
/// </summary>
public sealed class RecordProcedureStep : IDemoStep
{
    public const string ProcedureKey = "procedure";

    public string Title => "Record a procedure (one stream, one append per command, a blob, a computed event)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var stream = Guid.NewGuid();
        var correlation = Guid.NewGuid();
        var study = SyntheticStudyBytes();
        var studyHash = BlobStore.HashOf(study);
        EventMetadata By(string id, string name, ActorRole role, string terminal, string? reason = null, Computation? computation = null) =>
            new(new Actor(id, name, role), terminal, correlation, null, SoftwareVersion.Current) { Reason = reason, Computation = computation };
        var operatorOnDuty = By("u-0311", "Noor Haddad", ActorRole.Operator, "cathlab-2");
        var analyst = By("u-0178", "Lena Vogt", ActorRole.Analyst, "imaging-ws-1");
        var cardiologist = By("u-0042", "Dr. Ana Souza", ActorRole.Cardiologist, "cathlab-2");
        var steps = new (string Type, int Version, string Data, EventMetadata Metadata, byte[]? Blob)[]
        {
            ("procedure_scheduled", 1, """{"room":"cathlab-2","indication":"LBBB, QRS 164 ms, LVEF 27 %"}""", operatorOnDuty, null),
            ("study_imported", 1, $$"""{"modality":"MR","series":"LGE short axis","files":["{{studyHash}}"]}""", analyst, study),
            ("scar_segmented", 1, """{"scarBurdenPercent":11.8,"transmuralSegments36":[13,14,25]}""",
                By("worker-cmr-1", "CMR segmentation worker", ActorRole.Worker, "worker-host-1", computation: Computation.Create("fwhm-scar", "1.0.0",
                    new { thresholdFraction = 0.5 }, [new ComputationInput("lge-series", studyHash)], new string('0', 63) + "1")), null),
            ("target_chosen", 1, """{"segment36":17,"proposed":[17,18,29]}""", cardiologist with { Reason = "latest activation outside scar" }, null),
            (LegacyLeadPosition.EventType, 1, """{"segment18":9,"distanceMm":14.2}""", new EventMetadata(operatorOnDuty.Actor, "cathlab-1 (legacy terminal)", correlation, null, "0.0.9"), null),
            (LegacyLeadPosition.EventType, 2, """{"segment":{"model":"36","id":18},"distanceToTargetMm":9.1}""", cardiologist, null),
            ("procedure_completed", 1, """{"outcome":"lead implanted, adjacent to target"}""", cardiologist, null),
        };
        var version = 0L;
        var positions = new List<long>();
        foreach (var (type, schemaVersion, data, metadata, blob) in steps)
        {
            var request = new AppendRequest(stream, "crt_procedure", ExpectedVersion.Exactly(version), Guid.NewGuid(),
                [new NewEvent(Guid.NewGuid(), type, schemaVersion, data, metadata, DateTimeOffset.UtcNow)])
            {
                Blobs = blob is null ? [] : [blob],
            };
            var result = await context.Store.AppendAsync(request, cancellationToken);
            version = result.StreamVersion;
            positions.Add(result.FirstPosition);
        }
        context.Remember(ProcedureKey, stream);
        context.Say($"procedure stream {stream}: {steps.Length} events at positions {positions[0]}-{positions[^1]}, version {version}");
        context.Say($"study bytes stored content-addressed: sha256 {studyHash} ({study.Length} bytes, verified on read: " +
            $"{(await new BlobStore(context.Store.DataSource).GetAsync(studyHash, cancellationToken)).Length} bytes)");
        await DemoStaleAppendAsync(context, stream, version, operatorOnDuty, cancellationToken);
    }

    // A second terminal that loaded the procedure before completion tries to append: refused, nothing written.
    private static async Task DemoStaleAppendAsync(DemoContext context, Guid stream, long version, EventMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            await context.Store.AppendAsync(new AppendRequest(stream, "crt_procedure", ExpectedVersion.Exactly(version - 1), Guid.NewGuid(),
                [new NewEvent(Guid.NewGuid(), "note_recorded", 1, """{"text":"from a stale screen"}""", metadata)]), cancellationToken);
            throw new InvalidOperationException("demo: a stale append was accepted");
        }
        catch (ConcurrencyException e)
        {
            context.Say($"a stale terminal's append was refused: {e.Message}");
        }
    }

    // Deterministic stand-in for image bytes until the imaging step imports real DICOM files.
    private static byte[] SyntheticStudyBytes()
    {
        var bytes = new byte[16 * 1024];
        new Random(20260304).NextBytes(bytes);
        return bytes;
    }
}
