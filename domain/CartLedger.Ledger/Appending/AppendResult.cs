namespace CartLedger.Ledger.Appending;

/// <summary>
/// Where the events went. <see cref="Duplicate"/> is true when the append id had been used before: the
/// positions are those of the first attempt and nothing new was written.
/// </summary>
public sealed record AppendResult(
    Guid StreamId,
    long FirstPosition,
    long LastPosition,
    long StreamVersion,
    DateTimeOffset RecordedAt,
    bool Duplicate)
{
    /// <summary>The expected version for the next append to this stream.</summary>
    public ExpectedVersion NextExpectedVersion => ExpectedVersion.Exactly(StreamVersion);
}
