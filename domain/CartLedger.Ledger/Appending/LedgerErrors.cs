using System.Globalization;
using Npgsql;

namespace CartLedger.Ledger.Appending;

/// <summary>Maps the SQLSTATEs raised by <c>ledger.append</c> and the guard triggers to typed exceptions.</summary>
internal static class LedgerErrors
{
    public const string Concurrency = "CLC01";
    public const string StreamType = "CLT01";
    public const string AppendIdReused = "CLI01";
    public const string Archived = "CLR01";
    public const string AppendOnly = "CLA01";
    public const string SecondAppend = "CLM01";

    public static Exception Translate(PostgresException e, AppendRequest request) => e.SqlState switch
    {
        Concurrency => new ConcurrencyException(request.StreamId, request.ExpectedVersion,
            long.TryParse(e.Hint, NumberStyles.Integer, CultureInfo.InvariantCulture, out var actual) ? actual : -1, e),
        // The unique (stream, version) index is the last line of defence behind the stream row lock.
        PostgresErrorCodes.UniqueViolation when e.ConstraintName == "events_stream_id_stream_version_key" =>
            new ConcurrencyException(request.StreamId, request.ExpectedVersion, -1, e),
        StreamType => new StreamTypeMismatchException(request.StreamId, e.MessageText, e),
        AppendIdReused => new AppendIdReusedException(request.AppendId, e.MessageText, e),
        Archived => new StreamArchivedException(request.StreamId, e.MessageText, e),
        SecondAppend => new InvalidOperationException(e.MessageText, e),
        _ => e,
    };
}
