using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Procedures;

/// <summary>
/// <c>Decide(command, state, now) -> events</c> for one CRT procedure: pure and static. It checks, in order, that
/// the actor may write at all, that the role may issue the command (CommandAuthority), that the clinical time is not
/// in the future, that the procedure exists (and is still open for planning and implant steps), then the command's
/// own invariants. A refused command throws <see cref="ProcedureRejectedException"/> and produces no event.
/// <c>now</c> comes from a TimeProvider at the edge and is never read here.
/// </summary>
public static partial class ProcedureDecider
{
    /// <summary>Clock skew tolerated between the user's stated time and the system clock.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<ProcedureEvent> Decide(ProcedureCommand command, ProcedureState state, DateTimeOffset now)
    {
        var role = SigningPolicy.WithArticle(command.By.Role);
        Reject.Unless(command.By.MayWrite, "access.read_only_role", $"{role} can read the record but never change it");
        var allowed = CommandAuthority.AllowedRoles(command);
        Reject.Unless(allowed.Contains(command.By.Role), "access.role_not_allowed",
            $"{role} may not {Verb(command)} (allowed: {string.Join(", ", allowed.Select(SigningPolicy.Describe))})");
        Reject.Unless(command.OccurredAt <= now + FutureTolerance, "time.in_future",
            $"the stated time {command.OccurredAt:O} lies in the future (now {now:O})");
        if (command is OpenProcedure open)
        {
            return [Open(open, state)];
        }
        Reject.Unless(state.IsOpen, "procedure.not_opened", "the procedure does not exist yet: open it first");
        if (command is not (RecordFollowUp or SignRecord or CorrectRecord))
        {
            Reject.Unless(!state.IsCompleted, "procedure.completed", $"the procedure is completed: cannot {Verb(command)} any more");
        }
        return [Route(command, state, now)];
    }

    private static ProcedureEvent Route(ProcedureCommand command, ProcedureState state, DateTimeOffset now) => command switch
    {
        ImportStudy c => Import(c, state),
        RecordMyocardiumSegmentation c => SegmentMyocardium(c, state),
        AdjustContours c => Adjust(c, state),
        RecordScarSegmentation c => SegmentScar(c, state),
        EditScar c => Edit(c, state),
        RecordActivationMap c => MapActivation(c, state),
        TracePhrenicNerve c => Trace(c, state),
        MarkCoronarySinusOstium c => Mark(c, state),
        RecordEpicardialMesh c => BuildMesh(c, state),
        ProposeTargets c => Propose(c, state),
        ChooseTarget c => Choose(c, state),
        ExportTreatmentFiles c => Export(c, state),
        AcquireFluoroscopy c => Acquire(c, state),
        ProposeRegistration c => ProposeRegistration(c, state),
        AcceptRegistration c => Accept(c, state),
        RejectRegistration c => RejectRegistration(c, state),
        MeasureLeadPosition c => MeasurePosition(c, state),
        MarkFluoroscopyLandmarks c => MarkLandmarks(c, state),
        MarkElectrode c => MarkElectrode(c, state),
        RecordFluoroscopyOverlays c => RecordOverlays(c, state),
        RecordComputationFailure c => RecordFailure(c, state),
        MeasureLeadElectrical c => MeasureElectrical(c, state),
        RecordDeviation c => Deviate(c),
        RecordProcedureMetrics c => RecordMetrics(c),
        RecordGuidanceFeedback c => new GuidanceFeedbackRecorded(c.By, c.OccurredAt, c.Feedback),
        CompleteProcedure c => Complete(c, state),
        RecordFollowUp c => FollowUp(c, state),
        SignRecord c => Sign(c, state, now),
        CorrectRecord c => Correct(c, state),
        _ => throw new ProcedureRejectedException("command.unknown", $"unknown command {command.GetType().Name}"),
    };

    /// <summary>"choose target" from ChooseTarget: for messages.</summary>
    public static string Verb(ProcedureCommand command) =>
        string.Concat(command.GetType().Name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? $" {char.ToLowerInvariant(ch)}" : char.ToLowerInvariant(ch).ToString()));
}
