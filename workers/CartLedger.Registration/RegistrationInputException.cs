namespace CartLedger.Registration;

/// <summary>
/// Input that registration or measurement refuses (an X-ray without C-arm geometry, views too close for
/// triangulation, a click outside the image, too few landmarks). <see cref="Field"/> names what was wrong so that the
/// console, the worker and the TUI can show one clear line; nothing is computed or appended.
/// </summary>
public sealed class RegistrationInputException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
