using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Schema;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>
/// A throw-away database for one test that damages it (tamper tests): migrated, holding three interleaved
/// procedure streams, with helpers to change rows as a superuser with the guard trigger disabled.
/// </summary>
public sealed class ScratchLedger : IAsyncDisposable
{
    private readonly PostgresDatabase _database;

    private ScratchLedger(PostgresDatabase database, NpgsqlDataSource dataSource)
    {
        _database = database;
        DataSource = dataSource;
        Store = new EventStore(dataSource);
    }

    public NpgsqlDataSource DataSource { get; }
    public EventStore Store { get; }
    public List<Guid> Streams { get; } = [];

    /// <summary>Three streams, <paramref name="appendsPerStream"/> appends of two events each, interleaved across streams.</summary>
    public static async Task<ScratchLedger> CreateAsync(int appendsPerStream = 3, CancellationToken cancellationToken = default)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var dataSource = database.CreateDataSource();
        await LedgerSchema.MigrateAsync(dataSource, cancellationToken);
        var ledger = new ScratchLedger(database, dataSource);
        ledger.Streams.AddRange([Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        for (var round = 0; round < appendsPerStream; round++)
        {
            foreach (var stream in ledger.Streams)
            {
                await ledger.Store.AppendAsync(Sample.Append(stream, ExpectedVersion.Exactly(round * 2), Sample.Events(2)), cancellationToken);
            }
        }
        return ledger;
    }

    public async Task<bool> IsSuperuserAsync()
    {
        await using var command = DataSource.CreateCommand("select rolsuper from pg_roles where rolname = current_user");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="sql"/> the way an attacker with superuser rights would: guard triggers off.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand("alter table ledger.events disable trigger events_append_only", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync();
        }
        await using (var tamper = new NpgsqlCommand(sql, connection, transaction))
        {
            await tamper.ExecuteNonQueryAsync();
        }
        await using (var enable = new NpgsqlCommand("alter table ledger.events enable trigger events_append_only", connection, transaction))
        {
            await enable.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}
