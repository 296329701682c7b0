using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Procedures;

/// <summary>One stored procedure event with the ledger's view of it (position, versions, both times, hash).</summary>
public sealed record ProcedureRecord(RecordedEvent Recorded, ProcedureEvent Event);

/// <summary>What a handled command wrote.</summary>
public sealed record ProcedureAppend(IReadOnlyList<ProcedureEvent> Events, AppendResult Result);

/// <summary>
/// Procedure streams on the ledger: load (decode with the domain codec, upcasting old shapes, and fold with
/// Evolve) and handle a command (decide on the loaded state with the clock's now, encode, append with the
/// expected version). A rejected command throws before anything is sent; a concurrent append in between makes the
/// ledger refuse ours (<see cref="ConcurrencyException"/>), nothing written: reload and decide again.
/// </summary>
public sealed class ProcedureStore(EventStore store, TimeProvider clock, string terminal, string softwareVersion)
{
    public async Task<(ProcedureState State, IReadOnlyList<ProcedureRecord> Records)> LoadAsync(Guid procedureId, CancellationToken cancellationToken = default)
    {
        var recorded = await store.ReadStreamAsync(procedureId, cancellationToken: cancellationToken);
        var records = recorded
            .Select(r => new ProcedureRecord(r, ProcedureEventCodec.Decode(r.EventType, r.SchemaVersion, r.DataUtf8())))
            .ToList();
        return (ProcedureEvolution.Fold(records.Select(r => r.Event)), records);
    }

    /// <param name="procedureId">The stream (the procedure id).</param>
    /// <param name="command">The command, with actor and clinical time.</param>
    /// <param name="commandId">Idempotency key: the same command id twice writes once.</param>
    /// <param name="correlationId">The workflow the command belongs to.</param>
    /// <param name="cancellationToken">Cancels the load or the append.</param>
    public async Task<ProcedureAppend> HandleAsync(Guid procedureId, ProcedureCommand command, Guid commandId, Guid correlationId, CancellationToken cancellationToken = default)
    {
        var (state, _) = await LoadAsync(procedureId, cancellationToken);
        var events = ProcedureDecider.Decide(command, state, clock.GetUtcNow());
        var newEvents = events.Select(e =>
        {
            var encoded = ProcedureEventCodec.Encode(e);
            var metadata = ProcedureMetadata.For(e, terminal, correlationId, commandId, softwareVersion);
            return NewEvent.FromUtf8(Guid.NewGuid(), encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json, metadata, e.OccurredAt);
        }).ToList();
        var expected = state.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(state.Version);
        var result = await store.AppendAsync(new AppendRequest(procedureId, EventCatalog.StreamType, expected, commandId, newEvents), cancellationToken);
        return new ProcedureAppend(events, result);
    }
}
