namespace CartLedger.Registration;

/// <summary>
/// Input that registration or measurement refuses (an X-ray without C-arm geometry, views too close for
/// triangulation, a click outside the image, too few landmarks). <see cref="Field"/> names what was wrong so that the
/// console, the worker and the TUI can show one clear line; nothing is computed or appended. The subclasses name the
/// refusals that callers handle apart (e.g. asking staff for another view).
/// </summary>
public class RegistrationInputException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>An X-ray without the positioner attributes (angles, SID, SOD, imager pixel spacing) that place its beam.</summary>
public sealed class MissingCArmGeometryException(string field, string reason) : RegistrationInputException(field, reason);

/// <summary>Two views closer than <see cref="Landmarks.Triangulation.MinimumSeparationDeg"/>: depth cannot be fixed.</summary>
public sealed class ViewsTooCloseException(string field, string reason, double separationDeg) : RegistrationInputException(field, reason)
{
    public double SeparationDeg { get; } = separationDeg;
}

/// <summary>A landmark or electrode click that lies outside its view's image.</summary>
public sealed class LandmarkOutsideImageException(string field, string reason) : RegistrationInputException(field, reason);
