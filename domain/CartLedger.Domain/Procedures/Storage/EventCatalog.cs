namespace CartLedger.Domain.Procedures.Storage;

/// <summary>One stored event type: its stored name, current schema version and CLR type.</summary>
public sealed record EventTypeInfo(string Name, int SchemaVersion, Type ClrType);

/// <summary>
/// The explicit stored names and schema versions of every procedure event. A stored name never changes, whatever
/// the class is called; a shape change adds a schema version and an upcaster (<see cref="ProcedureUpcasters"/>).
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventTypeInfo> All { get; } =
    [
        new("procedure_opened", 1, typeof(ProcedureOpened)),
        new("study_imported", 1, typeof(StudyImported)),
        new("myocardium_segmented", 1, typeof(MyocardiumSegmented)),
        new("contours_adjusted", 1, typeof(ContoursAdjusted)),
        new("scar_segmented", 1, typeof(ScarSegmented)),
        new("scar_edited", 1, typeof(ScarEdited)),
        new("mechanical_activation_mapped", 1, typeof(MechanicalActivationMapped)),
        new("phrenic_nerve_traced", 1, typeof(PhrenicNerveTraced)),
        new("coronary_sinus_ostium_marked", 1, typeof(CoronarySinusOstiumMarked)),
        new("epicardial_mesh_built", 1, typeof(EpicardialMeshBuilt)),
        new("targets_proposed", 1, typeof(TargetsProposed)),
        new("target_chosen", 1, typeof(TargetChosen)),
        new("treatment_files_exported", 2, typeof(TreatmentFilesExported)),
        new("fluoroscopy_acquired", 1, typeof(FluoroscopyAcquired)),
        new("registration_proposed", 2, typeof(RegistrationProposed)),
        new("registration_accepted", 1, typeof(RegistrationAccepted)),
        new("registration_rejected", 1, typeof(RegistrationRejected)),
        new("lead_position_measured", 2, typeof(LeadPositionMeasured)),
        new("lead_electrical_measured", 1, typeof(LeadElectricalMeasured)),
        new("deviation_recorded", 1, typeof(DeviationRecorded)),
        new("procedure_metrics_recorded", 1, typeof(ProcedureMetricsRecorded)),
        new("guidance_feedback_recorded", 1, typeof(GuidanceFeedbackRecorded)),
        new("procedure_completed", 1, typeof(ProcedureCompleted)),
        new("follow_up_recorded", 2, typeof(FollowUpRecorded)),
        new("record_signed", 1, typeof(RecordSigned)),
        new("correction_recorded", 1, typeof(CorrectionRecorded)),
        new("fluoroscopy_landmarks_marked", 2, typeof(FluoroscopyLandmarksMarked)),
        new("electrode_marked", 1, typeof(ElectrodeMarked)),
        new("fluoroscopy_overlays_rendered", 1, typeof(FluoroscopyOverlaysRendered)),
        new("computation_failed", 1, typeof(ComputationFailed)),
    ];

    private static readonly Dictionary<string, EventTypeInfo> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);
    private static readonly Dictionary<Type, EventTypeInfo> ByType = All.ToDictionary(e => e.ClrType);

    /// <summary>The stream type the ledger records for procedure streams.</summary>
    public const string StreamType = "procedure";

    public static EventTypeInfo Of(ProcedureEvent e) =>
        ByType.TryGetValue(e.GetType(), out var info) ? info : throw new ArgumentException($"{e.GetType().Name} is not in the event catalog", nameof(e));

    public static EventTypeInfo Of(string storedName) =>
        ByName.TryGetValue(storedName, out var info) ? info : throw new UnknownEventTypeException(storedName);

    public static string NameOf(ProcedureEvent e) => Of(e).Name;
}

/// <summary>A stored event type that this build does not know.</summary>
public sealed class UnknownEventTypeException(string storedName) : Exception($"unknown procedure event type '{storedName}'")
{
    public string StoredName { get; } = storedName;
}
