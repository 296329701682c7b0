using Npgsql;

namespace CartLedger.Ledger.Subscriptions;

/// <summary>The rows of ledger.subscriptions: one checkpoint per subscriber, moved in the subscriber's own transaction.</summary>
internal static class Checkpoints
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string name, SubscriptionStart start, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into ledger.subscriptions (name, position) select $1, case when $2 then position else 0 end from ledger.log_head " +
            "on conflict (name) do nothing");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(start == SubscriptionStart.Now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The checkpoint, locked for this transaction; null when another transaction holds it (another process is working).</summary>
    public static async Task<long?> LockAsync(NpgsqlTransaction transaction, string name, CancellationToken cancellationToken, bool wait = false)
    {
        await using var command = new NpgsqlCommand(
            $"select position from ledger.subscriptions where name = $1 for update{(wait ? "" : " skip locked")}", transaction.Connection, transaction);
        command.Parameters.AddWithValue(name);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    public static async Task MoveAsync(NpgsqlTransaction transaction, string name, long position, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update ledger.subscriptions set position = $2, updated_at = clock_timestamp() where name = $1", transaction.Connection, transaction);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long?> ReadAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select position from ledger.subscriptions where name = $1");
        command.Parameters.AddWithValue(name);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }
}
