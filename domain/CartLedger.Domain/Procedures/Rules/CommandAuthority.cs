using CartLedger.Domain.Access;

namespace CartLedger.Domain.Procedures.Rules;

/// <summary>
/// Who may issue which command (AT-16; 21 CFR 11.10(g)). Auditors and researchers appear nowhere: they can never
/// cause events. Only a cardiologist chooses targets, accepts registrations, completes the procedure.
/// </summary>
public static class CommandAuthority
{
    private static readonly Role[] Staff = [Role.Operator, Role.Cardiologist];
    private static readonly Role[] Reviewers = [Role.Analyst, Role.Cardiologist];
    private static readonly Role[] Compute = [Role.Worker, Role.Analyst];
    private static readonly Role[] Cardiologist = [Role.Cardiologist];

    public static IReadOnlyList<Role> AllowedRoles(ProcedureCommand command) => command switch
    {
        OpenProcedure => Staff,
        ImportStudy => [Role.Operator, Role.Analyst, Role.Worker],
        RecordMyocardiumSegmentation or RecordScarSegmentation or RecordActivationMap or RecordEpicardialMesh or ExportTreatmentFiles or RecordComputationFailure => Compute,
        AdjustContours or EditScar or TracePhrenicNerve or MarkCoronarySinusOstium => Reviewers,
        ProposeTargets => [Role.Analyst, Role.Cardiologist, Role.Worker],
        ChooseTarget or AcceptRegistration or RecordGuidanceFeedback or CompleteProcedure => Cardiologist,
        AcquireFluoroscopy or ProposeRegistration or MeasureLeadPosition or RecordFluoroscopyOverlays => [Role.Operator, Role.Cardiologist, Role.Worker],
        MarkFluoroscopyLandmarks or MarkElectrode => Staff,
        RejectRegistration or MeasureLeadElectrical or RecordDeviation or RecordProcedureMetrics => Staff,
        RecordFollowUp => Reviewers,
        SignRecord or CorrectRecord => [Role.Operator, Role.Cardiologist, Role.Analyst],
        _ => [],
    };

    public static bool Allows(ProcedureCommand command, Role role) => AllowedRoles(command).Contains(role);
}
