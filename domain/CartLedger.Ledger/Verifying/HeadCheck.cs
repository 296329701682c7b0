using CartLedger.Ledger.Hashing;
using Npgsql;

namespace CartLedger.Ledger.Verifying;

/// <summary>The end-of-walk checks: does the log end where the log head and every stream's row say it ends?</summary>
internal static class HeadCheck
{
    public static async Task<ChainBreak?> CompareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ChainWalk walk, CancellationToken cancellationToken)
    {
        await using (var head = new NpgsqlCommand("select position, log_hash from ledger.log_head", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (position, logHash) = (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
            if (position != walk.LastPosition)
            {
                return new ChainBreak(Math.Min(position, walk.LastPosition) + 1, null, null, ChainBreakKind.HeadMismatch,
                    $"position {Math.Min(position, walk.LastPosition) + 1}: the log head says the log ends at {position}, the events end at {walk.LastPosition}");
            }
            if (!logHash.AsSpan().SequenceEqual(walk.LogHash))
            {
                return new ChainBreak(position, null, null, ChainBreakKind.HeadMismatch,
                    $"position {position}: the log head's hash is not the hash of the log");
            }
        }
        await using var streams = new NpgsqlCommand("select stream_id, version from ledger.streams order by stream_id", connection, transaction);
        await using var rows = await streams.ExecuteReaderAsync(cancellationToken);
        var mismatches = new List<ChainBreak>();
        while (await rows.ReadAsync(cancellationToken))
        {
            var (streamId, version) = (rows.GetGuid(0), rows.GetInt64(1));
            var walked = walk.Streams.TryGetValue(streamId, out var s) ? s : (Version: 0L, Hash: [], Position: 0L);
            if (walked.Version != version)
            {
                mismatches.Add(StreamEnd(streamId, version, walked.Version, walked.Position));
            }
        }
        return mismatches.MinBy(m => m.Position);
    }

    public static async Task<ChainBreak?> CompareStreamAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid streamId, ChainWalk walk, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from ledger.streams where stream_id = $1", connection, transaction);
        command.Parameters.AddWithValue(streamId);
        var version = await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0;
        var walked = walk.Streams.TryGetValue(streamId, out var s) ? s : (Version: 0L, Hash: [], Position: 0L);
        return walked.Version == version ? null : StreamEnd(streamId, version, walked.Version, walked.Position);
    }

    public static ChainBreak? CompareWithAnchor(LogAnchor anchor, ChainWalk walk, byte[]? anchoredLogHash)
    {
        if (anchoredLogHash is null)
        {
            return new ChainBreak(walk.LastPosition + 1, null, null, ChainBreakKind.CheckpointMismatch,
                $"position {walk.LastPosition + 1}: the log ends at {walk.LastPosition}, before the checkpoint's position {anchor.Position}");
        }
        return anchoredLogHash.AsSpan().SequenceEqual(anchor.LogHash)
            ? null
            : new ChainBreak(anchor.Position, null, null, ChainBreakKind.CheckpointMismatch,
                $"position {anchor.Position}: the log hash is {Hex.Of(anchoredLogHash)}, the signed checkpoint says {Hex.Of(anchor.LogHash)} (history was rewritten)");
    }

    private static ChainBreak StreamEnd(Guid streamId, long recorded, long walked, long lastPosition) =>
        new(lastPosition + 1, streamId, walked + 1, ChainBreakKind.HeadMismatch,
            $"position {lastPosition + 1}: stream {streamId} records version {recorded}, its events end at version {walked}");
}
