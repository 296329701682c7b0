using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Procedures;
using Npgsql;

namespace CartLedger.Workers.Support;

/// <summary>
/// Several commands decided one after the other on a procedure's state (each on the state the previous one left) and
/// appended as ONE request: all their events and blobs commit together or not at all, under one idempotent append id.
/// </summary>
public sealed class ProcedureAppender(EventStore store, TimeProvider clock, string terminal, string softwareVersion)
{
    public EventStore Store { get; } = store;
    public TimeProvider Clock { get; } = clock;

    public Task<(ProcedureState State, IReadOnlyList<ProcedureRecord> Records)> LoadAsync(Guid procedureId, CancellationToken cancellationToken = default) =>
        new ProcedureStore(Store, Clock, terminal, softwareVersion).LoadAsync(procedureId, cancellationToken);

    /// <summary>Decides every command in order (throws <see cref="Domain.Procedures.Rules.ProcedureRejectedException"/> on the first refusal) and builds the append.</summary>
    public (AppendRequest Request, IReadOnlyList<ProcedureEvent> Events) Prepare(Guid procedureId, ProcedureState state, IReadOnlyList<ProcedureCommand> commands,
        Guid appendId, Guid correlationId, Guid causationId, IReadOnlyList<byte[]> blobs)
    {
        var now = Clock.GetUtcNow();
        var events = new List<ProcedureEvent>();
        foreach (var command in commands)
        {
            foreach (var e in ProcedureDecider.Decide(command, state, now))
            {
                events.Add(e);
                state = ProcedureEvolution.Evolve(state, e);
            }
        }
        var newEvents = events.Select((e, i) =>
        {
            var encoded = ProcedureEventCodec.Encode(e);
            var metadata = ProcedureMetadata.For(e, terminal, correlationId, causationId, softwareVersion);
            // Event ids derive from the append id, so a retried append carries the very same events.
            return NewEvent.FromUtf8(DerivedIds.From("event", appendId.ToString(), i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json, metadata, e.OccurredAt);
        }).ToList();
        var expected = ExpectedVersion.Exactly(state.Version - events.Count);
        return (new AppendRequest(procedureId, EventCatalog.StreamType, expected, appendId, newEvents) { Blobs = blobs }, events);
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) => Store.AppendAsync(request, cancellationToken);

    public Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, AppendRequest request, CancellationToken cancellationToken = default) =>
        Store.AppendAsync(transaction, request, cancellationToken);
}
