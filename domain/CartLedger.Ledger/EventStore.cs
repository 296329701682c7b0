using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Blobs;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Reading;
using CartLedger.Ledger.Schema;
using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Ledger;

/// <summary>
/// The ledger: append events to streams (one transaction per append, optimistic concurrency, idempotent by
/// append id), read a stream or the global log. Thread-safe; one per process around one <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, LedgerOptions? options = null)
{
    private readonly LedgerOptions _options = options ?? new LedgerOptions();

    public NpgsqlDataSource DataSource { get; } = dataSource;
    public LedgerOptions Options => _options;

    /// <summary>Applies pending ledger migrations, then returns a store.</summary>
    public static async Task<EventStore> OpenAsync(NpgsqlDataSource dataSource, LedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        await LedgerSchema.MigrateAsync(dataSource, cancellationToken);
        return new EventStore(dataSource, options);
    }

    /// <summary>Appends in a transaction of its own (a single round trip when there are no blobs and no inline handlers).</summary>
    /// <exception cref="ConcurrencyException">The stream was not at the expected version; nothing was written.</exception>
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        if (request.Blobs.Count == 0 && _options.InlineHandlers.Count == 0)
        {
            return (await AppendCommand.ExecuteAsync(connection, null, request, cancellationToken)).Result;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await AppendAsync(transaction, request, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Appends inside the caller's transaction, e.g. with a job's completion or a subscriber's checkpoint. Make it
    /// the last write of the transaction and the only append in it: it takes the log-head lock, held to commit
    /// (a second append would lock a stream while holding the head: a deadlock risk, refused by the database).
    /// After a <see cref="LedgerException"/> the transaction is aborted and must be rolled back.
    /// </summary>
    public async Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, AppendRequest request, CancellationToken cancellationToken = default)
    {
        foreach (var blob in request.Blobs)
        {
            await BlobStore.InsertAsync(transaction, blob, cancellationToken);
        }
        var (result, events) = await AppendCommand.ExecuteAsync(transaction.Connection!, transaction, request, cancellationToken);
        if (events.Count > 0)
        {
            foreach (var handler in _options.InlineHandlers)
            {
                await handler.HandleAsync(new EventBatch(events, Replay: false), transaction, cancellationToken);
            }
        }
        return result;
    }

    /// <summary>A stream's events in version order (all of them, a version window, or as recorded at a past time).</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(Guid streamId, StreamRange? range = null, CancellationToken cancellationToken = default)
    {
        range ??= StreamRange.All;
        await using var command = DataSource.CreateCommand(
            $"select {EventRows.Columns} from ledger.events where stream_id = $1 and stream_version between $2 and $3 " +
            "and ($4::timestamptz is null or recorded_at <= $4) order by stream_version");
        command.Parameters.AddWithValue(streamId);
        command.Parameters.AddWithValue(range.FromVersion);
        command.Parameters.AddWithValue(range.ToVersion);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = (object?)range.AsOf?.UtcDateTime ?? DBNull.Value });
        return await EventRows.ReadAsync(command, _options.Upcasters, cancellationToken);
    }

    /// <summary>Up to <paramref name="maxCount"/> events of the global log after <paramref name="afterPosition"/>, in position order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAllAsync(connection, null, afterPosition, maxCount, cancellationToken);
    }

    /// <summary>The same, inside the caller's transaction (a subscriber's batch, a rebuild).</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(NpgsqlTransaction transaction, long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        await ReadAllAsync(transaction.Connection!, transaction, afterPosition, maxCount, cancellationToken);

    internal async Task<List<RecordedEvent>> ReadAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {EventRows.Columns} from ledger.events where position > $1 order by position limit $2", connection, transaction);
        command.Parameters.AddWithValue(afterPosition);
        command.Parameters.AddWithValue(maxCount);
        return await EventRows.ReadAsync(command, _options.Upcasters, cancellationToken);
    }

    /// <summary>The stream's row, or null when it does not exist.</summary>
    public async Task<StreamInfo?> GetStreamAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            "select stream_id, stream_type, version, created_at, updated_at, archived from ledger.streams where stream_id = $1");
        command.Parameters.AddWithValue(streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StreamInfo(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), EventRows.Utc(reader.GetDateTime(3)), EventRows.Utc(reader.GetDateTime(4)), reader.GetBoolean(5))
            : null;
    }

    /// <summary>The last position and the head of the global hash chain.</summary>
    public async Task<LogHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand("select position, log_hash from ledger.log_head");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LogHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }
}
