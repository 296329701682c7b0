namespace CartLedger.Ledger.Reading;

/// <summary>
/// Which part of a stream to read: a version window and, for "what did the record say then", an as-of time
/// compared with the database's recorded-at (not the clinically stated occurred-at).
/// </summary>
public sealed record StreamRange(long FromVersion = 1, long ToVersion = long.MaxValue, DateTimeOffset? AsOf = null)
{
    public static StreamRange All { get; } = new();

    public static StreamRange From(long version) => new(FromVersion: version);

    /// <summary>The stream as it was at <paramref name="version"/> (inclusive).</summary>
    public static StreamRange UpToVersion(long version) => new(ToVersion: version);

    /// <summary>The stream as it was recorded at <paramref name="time"/> (inclusive).</summary>
    public static StreamRange AsOfTime(DateTimeOffset time) => new(AsOf: time);
}
