namespace CartLedger.Ledger.Appending;

/// <summary>What the appender believes the stream's version is; a mismatch is a <see cref="ConcurrencyException"/>.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long? version) => Version = version;

    /// <summary>The stream version expected, or null for <see cref="Any"/>.</summary>
    public long? Version { get; }

    /// <summary>No check: for appends that commute (rare in a clinical record; prefer an exact version).</summary>
    public static ExpectedVersion Any => new(null);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream => new(0);

    /// <summary>The stream must be at exactly <paramref name="version"/> (1 after its first event).</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "stream versions are >= 0");

    public override string ToString() => Version switch { null => "any", 0 => "no stream", var v => v.ToString()! };
}
