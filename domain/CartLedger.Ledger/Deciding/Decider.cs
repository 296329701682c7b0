namespace CartLedger.Ledger.Deciding;

/// <summary>
/// A domain's pure functions: <see cref="Decide"/> turns a command, the current state and the time into new
/// events (or throws to reject the command); <see cref="Evolve"/> folds one event into the state, starting from
/// <see cref="Initial"/>. The ledger knows nothing else about the domain.
/// </summary>
public sealed record Decider<TCommand, TEvent, TState>(
    TState Initial,
    Func<TCommand, TState, DateTimeOffset, IReadOnlyList<TEvent>> Decide,
    Func<TState, TEvent, TState> Evolve);

/// <summary>An event as the ledger stores it: a stable type name (never a CLR name), its schema version, UTF-8 JSON.</summary>
public sealed record EncodedEvent(string EventType, int SchemaVersion, byte[] Utf8Json);

/// <summary>
/// The domain's codec. <see cref="Decode"/> receives current-shape JSON (the store upcasts old versions first).
/// <see cref="OccurredAt"/> gives the clinically stated time of an event, when it carries one.
/// </summary>
public sealed record EventCodec<TEvent>(Func<TEvent, EncodedEvent> Encode, Func<EncodedEvent, TEvent> Decode)
{
    public Func<TEvent, DateTimeOffset?> OccurredAt { get; init; } = _ => null;
}
