namespace CartLedger.Ledger;

/// <summary>Base of the ledger's typed errors: each is an expected outcome with a one-line reason.</summary>
public abstract class LedgerException(string message, Exception? inner = null) : Exception(message, inner);
