using CartLedger.Domain.Procedures.Storage;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

/// <summary>
/// <c>Evolve(state, event) -> state</c>: pure, total over any accepted history (it never throws for an event the
/// decider produced), and applying a correction's replacement exactly where the original entry was.
/// </summary>
public static class ProcedureEvolution
{
    public static ProcedureState Fold(IEnumerable<ProcedureEvent> events) => events.Aggregate(ProcedureState.Initial, Evolve);

    public static ProcedureState Evolve(ProcedureState state, ProcedureEvent e)
    {
        var version = state.Version + 1;
        var next = e is CorrectionRecorded correction
            ? Apply(state, correction.Replacement, correction.CorrectedVersion) with { Corrections = state.Corrections.Add(correction) }
            : Apply(state, e, version);
        var entry = new RecordEntry(version, EventCatalog.NameOf(e), ProcedureEventCodec.ContentSha256(e), e.By.UserId, (e as CorrectionRecorded)?.CorrectedEventType);
        return next with { Version = version, Entries = next.Entries.Add(entry) };
    }

    /// <summary>Applies a fact; <paramref name="version"/> is the version of the entry it creates or (for a correction) replaces.</summary>
    private static ProcedureState Apply(ProcedureState s, ProcedureEvent e, long version) => e switch
    {
        ProcedureOpened x => s with { Opened = x },
        StudyImported x => s with { Studies = s.Studies.Add(x) },
        MyocardiumSegmented x => s with { Myocardium = x, ContoursSha256 = x.ContoursSha256 },
        ContoursAdjusted x => s with { ContoursSha256 = x.ContoursSha256 },
        ScarSegmented x => s with { Scar = new ScarState(x.Transmurality, x.ScarBurdenPercent, x.ThresholdFraction), ProposalIsCurrent = false },
        ScarEdited x => s with { Scar = new ScarState(x.Transmurality, x.ScarBurdenPercent, x.ThresholdFraction), ProposalIsCurrent = false },
        MechanicalActivationMapped x => s with { Activation = x, ProposalIsCurrent = false },
        PhrenicNerveTraced x => s with { PhrenicNerve = x },
        CoronarySinusOstiumMarked x => s with { SinusOstium = x },
        EpicardialMeshBuilt x => s with { Mesh = x },
        TargetsProposed x => s with { Proposal = x, ProposalIsCurrent = true },
        TargetChosen x => s with { Target = x },
        TreatmentFilesExported x => s with { TreatmentFiles = x },
        FluoroscopyAcquired x => s with { Acquisitions = s.Acquisitions.Add(x) },
        RegistrationProposed x => s with { Registrations = s.Registrations.Add(new RegistrationEntry(x.RegistrationId, x.AcquisitionId, x.Method, RegistrationStatus.Proposed, x.ModelSet, x.Pose)) },
        RegistrationAccepted x => s with { Registrations = s.Registrations.Replace(r => r.RegistrationId == x.RegistrationId, r => r with { Status = RegistrationStatus.Accepted, Pose = x.AdjustedPose ?? r.Pose }) },
        RegistrationRejected x => s with { Registrations = SetStatus(s.Registrations, x.RegistrationId, RegistrationStatus.Rejected) },
        LeadPositionMeasured x => s with { LeadPosition = x },
        LeadElectricalMeasured x => s with { Electrical = Upsert(s.Electrical, version, x) },
        DeviationRecorded x => s with { Deviations = Upsert(s.Deviations, version, x) },
        ProcedureMetricsRecorded x => s with { Metrics = new(version, x.Metrics) },
        GuidanceFeedbackRecorded x => s with { Feedback = new(version, x.Feedback) },
        ProcedureCompleted x => s with { Completion = x },
        FollowUpRecorded x => s with { Assessments = Upsert(s.Assessments, version, x) },
        RecordSigned x => s with { Signatures = s.Signatures.Add(x) },
        _ => s,
    };

    private static ValueList<RegistrationEntry> SetStatus(ValueList<RegistrationEntry> list, Guid id, RegistrationStatus status) =>
        list.Replace(r => r.RegistrationId == id, r => r with { Status = status });

    private static ValueList<Versioned<T>> Upsert<T>(ValueList<Versioned<T>> list, long version, T value) =>
        list.Any(v => v.Version == version) ? list.Replace(v => v.Version == version, _ => new(version, value)) : list.Add(new(version, value));
}
