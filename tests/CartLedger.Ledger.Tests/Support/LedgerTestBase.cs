using CartLedger.Ledger.Schema;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>A test class on its own fresh database (the class fixture), migrated, with a store and a data source.</summary>
public abstract class LedgerTestBase(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    protected PostgresDatabase Database { get; } = database;
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected EventStore Store { get; private set; } = null!;
    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        DataSource = Database.CreateDataSource();
        await LedgerSchema.MigrateAsync(DataSource, Ct);
        Store = CreateStore(new LedgerOptions());
    }

    protected virtual EventStore CreateStore(LedgerOptions options) => new(DataSource, options);

    public virtual async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    protected async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        await command.ExecuteNonQueryAsync(Ct);
    }
}
