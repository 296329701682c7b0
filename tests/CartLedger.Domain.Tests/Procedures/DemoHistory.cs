using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>The demo script run through the decider: a complete, valid history for tests to start from or cut short.</summary>
internal static class DemoHistory
{
    public static readonly Guid ProcedureId = new("11111111-2222-4333-8444-555555555555");
    public static readonly DateOnly ImplantDay = new(2026, 3, 10);

    /// <summary>"Now" for the decider: a year after the implant, so every stated time lies in the past.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<DemoStep> Steps { get; } = DemoProcedureScript.Build(ProcedureId, ImplantDay);

    /// <summary>The events and final state after the first <paramref name="stepCount"/> steps (all by default).</summary>
    public static (List<ProcedureEvent> Events, ProcedureState State) Run(int? stepCount = null)
    {
        var events = new List<ProcedureEvent>();
        var state = ProcedureState.Initial;
        foreach (var step in Steps.Take(stepCount ?? Steps.Count))
        {
            foreach (var e in ProcedureDecider.Decide(step.Command, state, Now))
            {
                events.Add(e);
                state = ProcedureEvolution.Evolve(state, e);
            }
        }
        return (events, state);
    }

    /// <summary>The state just before the step whose title starts with <paramref name="titlePrefix"/>.</summary>
    public static ProcedureState Before(string titlePrefix) =>
        Run(Steps.Select((s, i) => (s, i)).First(p => p.s.Title.StartsWith(titlePrefix, StringComparison.Ordinal)).i).State;

    public static ProcedureCommand Command(string titlePrefix) =>
        Steps.First(s => s.Title.StartsWith(titlePrefix, StringComparison.Ordinal)).Command;

    public static T Command<T>() where T : ProcedureCommand => Steps.Select(s => s.Command).OfType<T>().First();
}
