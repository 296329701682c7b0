namespace CartLedger.Cmr.CtStructures;

/// <summary>A markups file that cannot be a CT structure, with the file, the markup and the reason in one line.</summary>
public sealed class MarkupsRejectedException(string message) : Exception(message);
