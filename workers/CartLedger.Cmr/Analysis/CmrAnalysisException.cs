namespace CartLedger.Cmr.Analysis;

/// <summary>
/// An analysis that cannot go on, with a stable machine-readable code (e.g. "lv-not-found",
/// "cine-missing-phases", "lge-orientation-mismatch") and a one-line reason a person can act on. The worker
/// turns it into a failure event; the procedure can continue by importing contours manually.
/// </summary>
public sealed class CmrAnalysisException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
