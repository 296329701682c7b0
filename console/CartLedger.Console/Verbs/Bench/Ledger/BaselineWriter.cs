using Npgsql;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// The baseline: the same payloads written the fastest plain way, one multi-row INSERT of a batch into a table
/// with only a primary key, one commit per batch (what the ledger does, minus everything that makes it a ledger).
/// </summary>
internal sealed class BaselineWriter(NpgsqlDataSource dataSource, string[] payloads, int rowsPerBatch)
{
    private long _next;

    public async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "create table bench_plain (id bigint generated always as identity primary key, stream_id uuid not null, data jsonb not null)");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> WriteBatchAsync(int writer, CancellationToken cancellationToken)
    {
        var first = Interlocked.Add(ref _next, rowsPerBatch) - rowsPerBatch;
        var streamId = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(
            "insert into bench_plain (stream_id, data) select $1, d::jsonb from unnest($2::text[]) d");
        command.Parameters.AddWithValue(streamId);
        command.Parameters.AddWithValue(Enumerable.Range(0, rowsPerBatch).Select(i => payloads[(first + i) % payloads.Length]).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return rowsPerBatch;
    }
}
