using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

/// <summary>A value and the stream version of the entry that introduced it (corrections replace the value, keep the version).</summary>
public sealed record Versioned<T>(long Version, T Value);

/// <summary>
/// One event of the stream as signatures and corrections see it: version, stored type, content hash, author, and
/// for a correction the stored type it corrects (a correction is signed under the rules of what it corrects).
/// </summary>
public sealed record RecordEntry(long Version, string EventType, string ContentSha256, string AuthorUserId, string? CorrectsEventType);

/// <summary>Where a proposed registration stands.</summary>
public enum RegistrationStatus { Proposed, Accepted, Rejected }

/// <summary>
/// A registration proposal and its status. Pose: the proposed pose, replaced by the adjusted pose when it was accepted
/// with one (the pose in force once accepted).
/// </summary>
public sealed record RegistrationEntry(Guid RegistrationId, Guid AcquisitionId, RegistrationMethod Method, RegistrationStatus Status,
    ModelSet ModelSet = ModelSet.Cmr, RigidPose? Pose = null);

/// <summary>The current scar: per-segment transmurality and burden, from the segmentation or the latest edit.</summary>
public sealed record ScarState(ValueList<SegmentScar> Transmurality, Quantities.Percent ScarBurdenPercent, double ThresholdFraction);

/// <summary>
/// Everything the decider needs to know about one procedure, folded from its events by
/// <see cref="ProcedureEvolution.Evolve"/>. Immutable, with value equality (lists are <see cref="ValueList{T}"/>),
/// so a state rebuilt from the stream equals the state evolved event by event. Entered values show their latest
/// correction; the corrected-from values stay in the stream.
/// </summary>
public sealed record ProcedureState
{
    public static ProcedureState Initial { get; } = new();

    /// <summary>Number of events folded (the stream version of the last one).</summary>
    public long Version { get; init; }

    public ProcedureOpened? Opened { get; init; }
    public ValueList<StudyImported> Studies { get; init; } = [];
    public MyocardiumSegmented? Myocardium { get; init; }
    public string? ContoursSha256 { get; init; }
    public ScarState? Scar { get; init; }
    public MechanicalActivationMapped? Activation { get; init; }
    public PhrenicNerveTraced? PhrenicNerve { get; init; }
    public CoronarySinusOstiumMarked? SinusOstium { get; init; }
    public EpicardialMeshBuilt? Mesh { get; init; }
    public TargetsProposed? Proposal { get; init; }

    /// <summary>False once scar or activation changed after the proposal: a new proposal is needed before choosing.</summary>
    public bool ProposalIsCurrent { get; init; }

    public TargetChosen? Target { get; init; }
    public TreatmentFilesExported? TreatmentFiles { get; init; }
    public ValueList<FluoroscopyAcquired> Acquisitions { get; init; } = [];
    public ValueList<RegistrationEntry> Registrations { get; init; } = [];
    public LeadPositionMeasured? LeadPosition { get; init; }
    public ValueList<Versioned<LeadElectricalMeasured>> Electrical { get; init; } = [];
    public ValueList<Versioned<DeviationRecorded>> Deviations { get; init; } = [];
    public Versioned<ProcedureMetrics>? Metrics { get; init; }
    public Versioned<GuidanceFeedback>? Feedback { get; init; }
    public ProcedureCompleted? Completion { get; init; }
    public ValueList<Versioned<FollowUpRecorded>> Assessments { get; init; } = [];
    public ValueList<RecordEntry> Entries { get; init; } = [];
    public ValueList<RecordSigned> Signatures { get; init; } = [];
    public ValueList<CorrectionRecorded> Corrections { get; init; } = [];

    public bool IsOpen => Opened is not null;

    public bool IsCompleted => Completion is not null;

    public FollowUpRecorded? Assessment(AssessmentVisit visit) => Assessments.LastOrDefault(a => a.Value.Visit == visit)?.Value;

    public bool HasDeviation(DeviationKind kind) => Deviations.Any(d => d.Value.Kind == kind);

    public bool IsCtStudy(Guid studyId) => Studies.Any(s => s.StudyId == studyId && s.Modality == Modality.Ct);

    /// <summary>A CT model set exists: a CT study was imported, or the phrenic nerve or CS ostium was traced on one.</summary>
    public bool HasCtModel => Studies.Any(s => s.Modality == Modality.Ct)
        || (PhrenicNerve is { } nerve && IsCtStudy(nerve.StudyId)) || (SinusOstium is { } ostium && IsCtStudy(ostium.StudyId));

    /// <summary>
    /// The registration in force for one model set on one acquisition: the latest accepted one (acceptance is per
    /// acquisition and model set: accepting the CT registration leaves the CMR one in force), or null.
    /// </summary>
    public RegistrationEntry? AcceptedRegistration(Guid acquisitionId, ModelSet set) =>
        Registrations.LastOrDefault(r => r.AcquisitionId == acquisitionId && r.ModelSet == set && r.Status == RegistrationStatus.Accepted);
}
