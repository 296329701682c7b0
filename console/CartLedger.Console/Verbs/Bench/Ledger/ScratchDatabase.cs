using Npgsql;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>A database of the benchmark's own on the configured server, created fresh and always dropped: never the user's data.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ScratchDatabase(string serverConnectionString, string name, NpgsqlDataSource dataSource)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, int maxPoolSize, CancellationToken cancellationToken)
    {
        var name = $"cartledger_bench_{Guid.NewGuid():N}";
        await AdminAsync(serverConnectionString, $"create database \"{name}\"", cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, MaxPoolSize = maxPoolSize };
        return new ScratchDatabase(serverConnectionString, name, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await AdminAsync(_serverConnectionString, $"drop database if exists \"{Name}\" with (force)", CancellationToken.None);
    }

    private static async Task AdminAsync(string serverConnectionString, string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
