using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger.Procedures;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests.Procedures;

/// <summary>The procedure decider wired to the real ledger: store, reload, refuse.</summary>
public class ProcedureStoreTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private static readonly DateOnly ImplantDay = new(2026, 3, 10);
    private static readonly FixedClock Clock = new(new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero));

    private ProcedureStore Procedures => new(Store, Clock, "test-terminal", "0.1.0-test");

    private async Task<Guid> StoreDemoAsync(int? steps = null)
    {
        var procedureId = Guid.NewGuid();
        var correlation = Guid.NewGuid();
        foreach (var step in DemoProcedureScript.Build(procedureId, ImplantDay).Take(steps ?? int.MaxValue))
        {
            await Procedures.HandleAsync(procedureId, step.Command, Guid.NewGuid(), correlation, Ct);
        }
        return procedureId;
    }

    [Fact]
    public async Task The_demo_history_stored_in_the_ledger_reloads_to_the_state_the_decider_built()
    {
        var procedureId = await StoreDemoAsync();
        var (state, records) = await Procedures.LoadAsync(procedureId, Ct);
        var expected = ProcedureEvolution.Fold(DemoProcedureScript.Build(procedureId, ImplantDay).Aggregate(
            (Events: new List<ProcedureEvent>(), State: ProcedureState.Initial),
            (acc, step) =>
            {
                var events = ProcedureDecider.Decide(step.Command, acc.State, Clock.GetUtcNow());
                acc.Events.AddRange(events);
                return (acc.Events, events.Aggregate(acc.State, ProcedureEvolution.Evolve));
            }).Events);
        Assert.Equal(expected, state);
        Assert.Equal(29, records.Count);
        Assert.All(records, r => Assert.Equal(ProcedureEventCodec.Encode(r.Event).Json, r.Recorded.Data));
        Assert.All(records, r => Assert.Equal(r.Event.OccurredAt.UtcDateTime, r.Recorded.OccurredAt!.Value.UtcDateTime));
        Assert.Equal("procedure", (await Store.GetStreamAsync(procedureId, Ct))!.StreamType);
    }

    [Fact]
    public async Task The_metadata_names_the_actor_the_reason_of_a_correction_and_the_algorithm_of_computed_events()
    {
        var procedureId = await StoreDemoAsync();
        var (_, records) = await Procedures.LoadAsync(procedureId, Ct);
        var correction = records.Single(r => r.Event is CorrectionRecorded);
        Assert.Equal("transcription error: the core-lab report reads LVESV 101 ml", correction.Recorded.Metadata.Reason);
        Assert.Equal("dr.devries", correction.Recorded.Metadata.Actor.Id);
        var scar = records.First(r => r.Event is ScarSegmented);
        Assert.Equal(ProcedureTimeline.EnteredAlgorithmName, scar.Recorded.Metadata.Computation!.AlgorithmName);
    }

    [Fact]
    public async Task A_rejected_command_writes_nothing()
    {
        var procedureId = await StoreDemoAsync(steps: 9);
        var before = await ScalarAsync<long>("select count(*) from ledger.events");
        var choose = DemoProcedureScript.Build(procedureId, ImplantDay).Select(s => s.Command).OfType<ChooseTarget>().Single();
        var error = await Assert.ThrowsAsync<ProcedureRejectedException>(() => Procedures.HandleAsync(procedureId, choose, Guid.NewGuid(), Guid.NewGuid(), Ct));
        Assert.Equal("targets.require_proposal", error.Rule);
        var auditor = choose with { By = DemoUsers.Auditor.Actor };
        await Assert.ThrowsAsync<ProcedureRejectedException>(() => Procedures.HandleAsync(procedureId, auditor, Guid.NewGuid(), Guid.NewGuid(), Ct));
        Assert.Equal(before, await ScalarAsync<long>("select count(*) from ledger.events"));
        Assert.Equal(9, (await Store.GetStreamAsync(procedureId, Ct))!.Version);
    }

    [Fact]
    public async Task Repeating_a_command_id_writes_it_once()
    {
        var procedureId = Guid.NewGuid();
        var open = DemoProcedureScript.Build(procedureId, ImplantDay)[0].Command;
        var commandId = Guid.NewGuid();
        await Procedures.HandleAsync(procedureId, open, commandId, Guid.NewGuid(), Ct);
        var retry = await Assert.ThrowsAsync<ProcedureRejectedException>(() => Procedures.HandleAsync(procedureId, open, commandId, Guid.NewGuid(), Ct));
        Assert.Equal("procedure.already_opened", retry.Rule);
        Assert.Equal(1, (await Store.GetStreamAsync(procedureId, Ct))!.Version);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
