using System.Text.Json;
using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Ledger.Events;
using LedgerActor = CartLedger.Ledger.Events.Actor;

namespace CartLedger.Ledger.Procedures;

/// <summary>Builds the ledger metadata of a procedure event: actor, terminal, command chain, build, reason, computation.</summary>
public static class ProcedureMetadata
{
    public static ActorRole ToLedgerRole(Role role) => role switch
    {
        Role.Operator => ActorRole.Operator,
        Role.Cardiologist => ActorRole.Cardiologist,
        Role.Analyst => ActorRole.Analyst,
        Role.Worker => ActorRole.Worker,
        Role.Auditor => ActorRole.Auditor,
        Role.Researcher => ActorRole.Researcher,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static EventMetadata For(ProcedureEvent e, string terminal, Guid correlationId, Guid causationId, string softwareVersion) =>
        new(new LedgerActor(e.By.UserId, e.By.PrintedName, ToLedgerRole(e.By.Role)), terminal, correlationId, causationId, softwareVersion)
        {
            Reason = ReasonOf(e),
            Computation = AlgorithmOf(e) is { } algorithm ? ToComputation(algorithm) : null,
        };

    /// <summary>The "why" an auditor filters on: correction and rejection reasons, override reasons, deviation notes.</summary>
    private static string? ReasonOf(ProcedureEvent e) => e switch
    {
        CorrectionRecorded c => c.Reason,
        RegistrationRejected r => r.Reason,
        TargetChosen { OverrideReason: { } reason } => reason,
        ComputationFailed f => $"{f.Code}: {f.Reason}",
        DeviationRecorded d => string.Join(", ", d.Reasons.Select(r => r.ToString())) + (d.Note is null ? "" : $": {d.Note}"),
        _ => null,
    };

    private static AlgorithmInfo? AlgorithmOf(ProcedureEvent e) => e switch
    {
        MyocardiumSegmented x => x.Algorithm,
        ScarSegmented x => x.Algorithm,
        MechanicalActivationMapped x => x.Algorithm,
        EpicardialMeshBuilt x => x.Algorithm,
        RegistrationProposed x => x.Algorithm,
        ComputationFailed x => x.Algorithm,
        _ => null,
    };

    private static Computation ToComputation(AlgorithmInfo algorithm)
    {
        var parameters = JsonSerializer.Serialize(algorithm.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Value));
        var inputs = algorithm.InputSha256.Select((sha, i) => new ComputationInput($"input-{i + 1}", sha)).ToList();
        return new Computation(algorithm.Name, algorithm.Version, parameters, inputs, algorithm.OutputSha256);
    }
}
