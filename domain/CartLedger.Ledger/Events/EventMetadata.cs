namespace CartLedger.Ledger.Events;

/// <summary>
/// Mandatory context of every event (ALCOA, 21 CFR 11.10(e)): who, in which role, from which terminal, in
/// which command chain (correlation = the whole workflow, causation = the command or event that caused this
/// one) and with which build. Computed events add <see cref="Computation"/>; corrections add a <see cref="Reason"/>.
/// The time the ledger recorded the event is never part of it: the database clock sets it.
/// </summary>
public sealed record EventMetadata
{
    public EventMetadata(Actor actor, string terminal, Guid correlationId, Guid? causationId, string softwareVersion)
    {
        Actor = actor ?? throw new ArgumentNullException(nameof(actor));
        Terminal = Require.Text(terminal, "terminal");
        CorrelationId = Require.Id(correlationId, "correlation id");
        CausationId = causationId == Guid.Empty ? throw new ArgumentException("causation id is empty; pass null when there is none") : causationId;
        SoftwareVersion = Require.Text(softwareVersion, "software version");
    }

    public Actor Actor { get; }
    public string Terminal { get; }
    public Guid CorrelationId { get; }
    public Guid? CausationId { get; }
    public string SoftwareVersion { get; }

    /// <summary>Why: required by the domain for corrections, voids and deviations.</summary>
    public string? Reason { get; init; }

    public Computation? Computation { get; init; }
}
