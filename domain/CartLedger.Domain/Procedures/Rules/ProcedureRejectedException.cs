namespace CartLedger.Domain.Procedures.Rules;

/// <summary>
/// A command the decider refused: <see cref="Rule"/> is a stable code (e.g. "targets.override_reason_required")
/// and the message says what was wrong and what to do. Thrown before any event exists, so nothing is written.
/// </summary>
public sealed class ProcedureRejectedException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>The decider's guard helpers.</summary>
internal static class Reject
{
    public static void Unless(bool condition, string rule, string message)
    {
        if (!condition)
        {
            throw new ProcedureRejectedException(rule, message);
        }
    }

    public static T NotNull<T>(T? value, string rule, string message) where T : class =>
        value ?? throw new ProcedureRejectedException(rule, message);

    public static void Blank(string? text, string rule, string message) => Unless(!string.IsNullOrWhiteSpace(text), rule, message);

    /// <summary>Runs a value's own validation (constructors throw on bad values) and turns it into a rejection.</summary>
    public static T Valid<T>(Func<T> build, string rule)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new ProcedureRejectedException(rule, e.Message);
        }
    }
}
