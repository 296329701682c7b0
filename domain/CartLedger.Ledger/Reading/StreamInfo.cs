namespace CartLedger.Ledger.Reading;

/// <summary>A stream's row: its type, current version (the number of events) and when it was created and last written.</summary>
public sealed record StreamInfo(Guid StreamId, string StreamType, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Archived);

/// <summary>The last assigned position and the head of the global hash chain.</summary>
public sealed record LogHead(long Position, byte[] LogHash);
