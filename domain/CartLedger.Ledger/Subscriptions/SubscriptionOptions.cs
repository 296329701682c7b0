namespace CartLedger.Ledger.Subscriptions;

/// <summary>How a subscription reads: batch size, polling fallback, where a new subscriber starts, back-off after a failing batch.</summary>
public sealed record SubscriptionOptions
{
    public int BatchSize { get; init; } = 500;

    /// <summary>The longest a subscriber sleeps without a notification (LISTEN/NOTIFY is only a hint).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A new subscriber starts at the beginning of the log, or at its head (only events appended from now on).</summary>
    public SubscriptionStart Start { get; init; } = SubscriptionStart.Beginning;

    /// <summary>After a batch fails the same batch is retried, waiting 0.5 s doubling up to this.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}

public enum SubscriptionStart
{
    Beginning,
    Now,
}
