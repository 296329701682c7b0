using System.Data;
using CartLedger.Ledger.Hashing;
using Npgsql;

namespace CartLedger.Ledger.Verifying;

/// <summary>
/// Recomputes the hash chains from the stored bytes, in C#, independently of the SQL that wrote them, inside one
/// repeatable-read snapshot (the events, the log head and the streams agree with each other). Reads in pages so
/// a break found early ends the work early.
/// </summary>
public sealed class ChainVerifier(NpgsqlDataSource dataSource)
{
    private const int PageSize = 5000;

    /// <summary>
    /// The whole ledger: gapless positions, every stream chain, the global chain and the log head. With an
    /// <paramref name="anchor"/> (from a signed checkpoint) it also proves that the first anchor.Position events are
    /// the ones that were signed, which catches even a consistently rewritten history.
    /// </summary>
    public async Task<VerificationReport> VerifyLedgerAsync(LogAnchor? anchor = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var walk = new ChainWalk(wholeLog: true);
        byte[]? anchoredLogHash = anchor is { Position: 0 } ? EventHashing.Genesis.ToArray() : null;
        var broken = await ReadPagesAsync(connection, transaction, "true", "position", e =>
        {
            var result = walk.Accept(e);
            if (result is null && e.Position == anchor?.Position)
            {
                anchoredLogHash = walk.LogHash;
            }
            if (walk.Count % 50_000 == 0)
            {
                progress?.Report(walk.Count);
            }
            return result;
        }, null, cancellationToken);
        broken ??= await HeadCheck.CompareAsync(connection, transaction, walk, cancellationToken);
        broken ??= anchor is null ? null : HeadCheck.CompareWithAnchor(anchor, walk, anchoredLogHash);
        return new VerificationReport("ledger", walk.Count, walk.LastPosition, walk.LogHash, broken);
    }

    /// <summary>One stream: versions 1..n, its chain of previous hashes, every event's hash, and its recorded version.</summary>
    public async Task<VerificationReport> VerifyStreamAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var walk = new ChainWalk(wholeLog: false);
        var broken = await ReadPagesAsync(connection, transaction, "stream_id = $2", "stream_version", walk.Accept, streamId, cancellationToken);
        broken ??= await HeadCheck.CompareStreamAsync(connection, transaction, streamId, walk, cancellationToken);
        return new VerificationReport($"stream {streamId}", walk.Count, walk.LastPosition, [], broken);
    }

    private static async Task<ChainBreak?> ReadPagesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string filter, string orderColumn,
        Func<StoredEvent, ChainBreak?> accept, Guid? streamId, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"select {StoredEvent.Columns} from ledger.events where {orderColumn} > $1 and {filter} order by {orderColumn} limit {PageSize}",
                connection, transaction);
            command.Parameters.AddWithValue(after);
            if (streamId is { } id)
            {
                command.Parameters.AddWithValue(id);
            }
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = StoredEvent.Read(reader);
                if (accept(stored) is { } broken)
                {
                    return broken;
                }
                after = streamId is null ? stored.Position : stored.StreamVersion;
                rows++;
            }
            if (rows < PageSize)
            {
                return null;
            }
        }
    }
}

/// <summary>A point of the log known from outside the database: position N had log hash H.</summary>
public sealed record LogAnchor(long Position, byte[] LogHash);
