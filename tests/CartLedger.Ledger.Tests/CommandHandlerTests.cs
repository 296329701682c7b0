using System.Text.Json;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Deciding;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

/// <summary>The generic load-decide-append handler with a small procedure-like decider (no real domain types).</summary>
public class CommandHandlerTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private abstract record Cmd;
    private sealed record Schedule(string Room) : Cmd;
    private sealed record ChooseTarget(int Segment36) : Cmd;

    private abstract record Evt;
    private sealed record Scheduled(string Room) : Evt;
    private sealed record TargetChosen(int Segment36) : Evt;

    private sealed record State(bool IsScheduled, int? Target, int Events);

    private static IReadOnlyList<Evt> Decide(Cmd command, State state, DateTimeOffset now) => command switch
    {
        Schedule s when !state.IsScheduled => [new Scheduled(s.Room)],
        Schedule => [],
        ChooseTarget t when !state.IsScheduled => throw new InvalidOperationException("no procedure scheduled"),
        ChooseTarget t => [new TargetChosen(t.Segment36)],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static State Evolve(State state, Evt e) => e switch
    {
        Scheduled => state with { IsScheduled = true, Events = state.Events + 1 },
        TargetChosen t => state with { Target = t.Segment36, Events = state.Events + 1 },
        _ => state,
    };

    private static readonly EventCodec<Evt> Codec = new(
        e => e switch
        {
            Scheduled s => new EncodedEvent("procedure_scheduled", 1, JsonSerializer.SerializeToUtf8Bytes(s)),
            TargetChosen t => new EncodedEvent("target_chosen", 1, JsonSerializer.SerializeToUtf8Bytes(t)),
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        },
        encoded => encoded.EventType switch
        {
            "procedure_scheduled" => JsonSerializer.Deserialize<Scheduled>(encoded.Utf8Json)!,
            "target_chosen" => JsonSerializer.Deserialize<TargetChosen>(encoded.Utf8Json)!,
            var other => throw new InvalidDataException($"unknown event type {other}"),
        });

    private CommandHandler<Cmd, Evt, State> Handler(Func<Cmd, State, DateTimeOffset, IReadOnlyList<Evt>>? decide = null) =>
        new(Store, new Decider<Cmd, Evt, State>(new State(false, null, 0), decide ?? Decide, Evolve), Codec, TimeProvider.System);

    private static CommandContext Context(Guid stream, bool retrySafe = false) =>
        new(stream, Sample.StreamType, Guid.NewGuid(), Sample.Metadata()) { RetrySafe = retrySafe };

    [Fact]
    public async Task A_command_appends_its_events_and_returns_the_evolved_state()
    {
        var stream = Guid.NewGuid();
        var handler = Handler();

        await handler.HandleAsync(Context(stream), new Schedule("cathlab-2"), Ct);
        var result = await handler.HandleAsync(Context(stream), new ChooseTarget(17), Ct);

        Assert.Equal(new State(true, 17, 2), result.State);
        Assert.Equal([new TargetChosen(17)], result.NewEvents);
        Assert.Equal(2, result.StreamVersion);
        Assert.Equal((new State(true, 17, 2), 2L), await handler.LoadAsync(stream, Ct));
    }

    [Fact]
    public async Task A_rejected_command_appends_nothing()
    {
        var stream = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Handler().HandleAsync(Context(stream), new ChooseTarget(17), Ct));

        Assert.Null(await Store.GetStreamAsync(stream, Ct));
    }

    [Fact]
    public async Task The_same_command_sent_twice_is_handled_once()
    {
        var stream = Guid.NewGuid();
        var handler = Handler();
        await handler.HandleAsync(Context(stream), new Schedule("cathlab-2"), Ct);
        var context = Context(stream);

        var first = await handler.HandleAsync(context, new ChooseTarget(17), Ct);
        var again = await Handler(Decide).HandleAsync(context, new ChooseTarget(17), Ct);

        Assert.Single(first.NewEvents);
        Assert.Empty(again.NewEvents);
        Assert.True(again.Append!.Duplicate);
        Assert.Equal(2, (await Store.GetStreamAsync(stream, Ct))!.Version);
    }

    [Fact]
    public async Task A_retry_safe_command_is_decided_again_after_a_concurrent_append()
    {
        var stream = Guid.NewGuid();
        await Handler().HandleAsync(Context(stream), new Schedule("cathlab-2"), Ct);
        var decisions = 0;

        var result = await Handler(InterferingOnce(stream, () => decisions++)).HandleAsync(Context(stream, retrySafe: true), new ChooseTarget(18), Ct);

        Assert.Equal(2, decisions);
        Assert.Equal(3, result.StreamVersion);
        Assert.Equal(new State(true, 18, 3), result.State);
    }

    [Fact]
    public async Task A_command_that_is_not_retry_safe_reports_the_conflict()
    {
        var stream = Guid.NewGuid();
        await Handler().HandleAsync(Context(stream), new Schedule("cathlab-2"), Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Handler(InterferingOnce(stream, () => { })).HandleAsync(Context(stream), new ChooseTarget(18), Ct));

        Assert.Equal(2, (await Store.GetStreamAsync(stream, Ct))!.Version);
    }

    // Decides normally, but the first time another writer appends to the stream right after the state was loaded.
    private Func<Cmd, State, DateTimeOffset, IReadOnlyList<Evt>> InterferingOnce(Guid stream, Action onDecide)
    {
        var interfered = false;
        return (command, state, now) =>
        {
            onDecide();
            if (!interfered)
            {
                interfered = true;
                Store.AppendAsync(new AppendRequest(stream, Sample.StreamType, ExpectedVersion.Any, Guid.NewGuid(),
                    [NewEventOf(new TargetChosen(5))]), Ct).GetAwaiter().GetResult();
            }
            return Decide(command, state, now);
        };
    }

    private static Events.NewEvent NewEventOf(Evt e)
    {
        var encoded = Codec.Encode(e);
        return Events.NewEvent.FromUtf8(Guid.NewGuid(), encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json, Sample.Metadata());
    }
}
