using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Tests.Procedures;

internal static class Rejections
{
    /// <summary>Asserts the decider refuses <paramref name="command"/> with <paramref name="rule"/> and a message containing <paramref name="messagePart"/>; no event exists.</summary>
    public static ProcedureRejectedException AssertRejected(ProcedureCommand command, ProcedureState state, string rule, string messagePart)
    {
        IReadOnlyList<ProcedureEvent>? events = null;
        var error = Assert.Throws<ProcedureRejectedException>(() => events = ProcedureDecider.Decide(command, state, DemoHistory.Now));
        Assert.Null(events);
        Assert.Equal(rule, error.Rule);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    public static ProcedureEvent Accepted(ProcedureCommand command, ProcedureState state) =>
        Assert.Single(ProcedureDecider.Decide(command, state, DemoHistory.Now));
}
