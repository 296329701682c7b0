using CartLedger.Ledger.Subscriptions;
using CartLedger.Ledger.Upcasting;

namespace CartLedger.Ledger;

/// <summary>How an <see cref="EventStore"/> reads and what it runs inside every append.</summary>
public sealed record LedgerOptions
{
    /// <summary>Old event shapes turned into current ones on read.</summary>
    public UpcasterRegistry Upcasters { get; init; } = UpcasterRegistry.Empty;

    /// <summary>
    /// Handlers run in the append's own transaction (inline projections): their tables are never behind the log.
    /// They run while the log-head lock is held, so keep them to a few indexed writes.
    /// </summary>
    public IReadOnlyList<IEventBatchHandler> InlineHandlers { get; init; } = [];
}
