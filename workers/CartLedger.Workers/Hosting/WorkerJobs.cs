using System.Text.Json;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Jobs;

namespace CartLedger.Workers.Hosting;

/// <summary>
/// Which event makes which job (the subscription's <see cref="JobDispatcher"/> map). A job is unique per (kind, source
/// event): a re-delivered or replayed event never makes a second one. Its payload names the procedure stream.
/// </summary>
public static class WorkerJobs
{
    public const string CmrAnalyse = "cmr.analyse";
    public const string CmrRecompute = "cmr.recompute";
    public const string CmrExport = "cmr.export";
    public const string RegistrationPropose = "registration.propose";
    public const string RegistrationProposeCt = "registration.propose-ct";
    public const string RegistrationLandmarks = "registration.landmarks";
    public const string RegistrationMeasure = "registration.measure";
    public const string RegistrationOverlay = "registration.overlay";

    /// <summary>The subscription that turns events into jobs (its checkpoint is in ledger.subscriptions).</summary>
    public const string SubscriptionName = "workers.jobs";

    public static IEnumerable<JobRequest> For(RecordedEvent e)
    {
        if (e.EventType is not ("study_imported" or "scar_edited" or "contours_adjusted" or "target_chosen" or "fluoroscopy_acquired"
            or "fluoroscopy_landmarks_marked" or "electrode_marked" or "epicardial_mesh_built" or "registration_accepted" or "lead_position_measured"))
        {
            yield break;
        }
        var decoded = ProcedureEventCodec.Decode(e.EventType, e.SchemaVersion, e.DataUtf8());
        string? kind = decoded switch
        {
            StudyImported { Modality: Modality.Cmr } => CmrAnalyse,
            ScarEdited or ContoursAdjusted => CmrRecompute,
            TargetChosen => CmrExport,
            FluoroscopyAcquired or EpicardialMeshBuilt => RegistrationPropose,
            FluoroscopyLandmarksMarked => RegistrationLandmarks,
            ElectrodeMarked => RegistrationMeasure,
            RegistrationAccepted or LeadPositionMeasured => RegistrationOverlay,
            _ => null,
        };
        JobRequest Job(string jobKind) =>
            new(jobKind, e.EventId, e.Position, JsonSerializer.Serialize(new JobPayload(e.StreamId, e.StreamVersion, e.EventType), JobPayload.Json), MaxAttempts: 3);
        if (kind is not null)
        {
            yield return Job(kind);
        }
        if (decoded is FluoroscopyAcquired)
        {
            // The CT model set is registered on its own (seed 1); its handler appends nothing when no CT is imported.
            yield return Job(RegistrationProposeCt);
        }
    }
}

/// <summary>A job's payload: the procedure stream and the triggering event's version and type.</summary>
public sealed record JobPayload(Guid StreamId, long StreamVersion, string EventType)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JobPayload Parse(string json) => JsonSerializer.Deserialize<JobPayload>(json, Json) ?? throw new InvalidDataException("empty job payload");
}
