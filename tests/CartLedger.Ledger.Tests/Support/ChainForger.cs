using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>
/// The strongest attacker: a superuser who knows the hash layout changes one event and recomputes every later
/// hash, link and the log head, leaving a chain that is consistent in itself. Only an outside anchor catches it.
/// </summary>
internal static class ChainForger
{
    public static async Task RewriteAsync(ScratchLedger ledger, long position, Func<string, string> changeData)
    {
        var events = new List<StoredEvent>();
        await using (var read = ledger.DataSource.CreateCommand($"select {StoredEvent.Columns()} from ledger.events order by position"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                events.Add(StoredEvent.Read(reader));
            }
        }
        var streamHeads = new Dictionary<Guid, byte[]>();
        var log = EventHashing.Genesis.ToArray();
        var sql = new List<string>();
        foreach (var original in events)
        {
            var e = original.Position == position ? original with { DataText = changeData(original.DataText) } : original;
            e = e with { PrevHash = streamHeads.GetValueOrDefault(e.StreamId, EventHashing.Genesis.ToArray()) };
            e = e with { Hash = e.RecomputeHash() };
            var logHash = new byte[32];
            EventHashing.LogHash(log, e.Hash, logHash);
            log = logHash;
            streamHeads[e.StreamId] = e.Hash;
            if (e.Position >= position)
            {
                sql.Add($"update ledger.events set data_text = '{e.DataText.Replace("'", "''", StringComparison.Ordinal)}', data = '{e.DataText.Replace("'", "''", StringComparison.Ordinal)}'::jsonb, " +
                        $"prev_hash = '\\x{Hex.Of(e.PrevHash)}', hash = '\\x{Hex.Of(e.Hash)}', log_hash = '\\x{Hex.Of(logHash)}' where position = {e.Position};");
            }
        }
        sql.Add($"update ledger.log_head set log_hash = '\\x{Hex.Of(log)}';");
        await ledger.TamperAsync(string.Join('\n', sql));
    }
}
