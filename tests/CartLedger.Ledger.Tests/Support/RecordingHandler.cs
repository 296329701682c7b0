using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>
/// A subscriber's own writes: every position it handles goes into <c>table</c> (primary key, so a duplicate
/// delivery fails the batch) in the batch's transaction. Optionally throws after writing part of a batch.
/// </summary>
public sealed class RecordingHandler(string table) : IEventBatchHandler
{
    public int? CrashAfter { get; set; }

    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand($"create table {table} (position bigint primary key, seen_order bigserial)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var e in batch.Events)
        {
            if (written == CrashAfter)
            {
                CrashAfter = null;
                throw new InvalidOperationException($"simulated crash after {written} events of a batch of {batch.Events.Count}");
            }
            await using var insert = new NpgsqlCommand($"insert into {table} (position) values ($1)", transaction.Connection, transaction);
            insert.Parameters.AddWithValue(e.Position);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            written++;
        }
    }
}
