using Npgsql;

namespace CartLedger.Ledger.Subscriptions;

/// <summary>
/// Waits for the next append: a LISTEN on the channel <c>ledger.append</c> notifies, or the poll interval, whichever
/// comes first. A notification is only a hint (it is lost when nobody listens); the subscriber always re-reads from
/// its checkpoint, so losing one costs at most one poll interval. A dropped connection falls back to polling.
/// </summary>
public sealed class LedgerWakeup(NpgsqlDataSource dataSource, string channel = LedgerWakeup.AppendChannel) : IAsyncDisposable
{
    public const string AppendChannel = "cartledger_ledger";
    private NpgsqlConnection? _connection;

    /// <summary>Starts listening; call before the first catch-up so that no notification falls between the two.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await OpenListeningAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            _connection = null; // polling until the next attempt
        }
    }

    /// <summary>Returns after a notification (possibly one that arrived earlier) or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await ListenAsync(cancellationToken);
        if (_connection is null)
        {
            await Task.Delay(timeout, cancellationToken);
            return;
        }
        try
        {
            // Npgsql reads a notification that arrived while we were busy at once; a burst of them costs at most
            // a few empty catch-up reads. (A zero timeout would mean "forever" to Npgsql.)
            await _connection.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            await DisposeAsync();
            await Task.Delay(timeout, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private async Task<NpgsqlConnection> OpenListeningAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var listen = new NpgsqlCommand($"listen \"{channel}\"", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
