using System.Diagnostics;
using Npgsql;
using Xunit;

namespace CartLedger.Testing;

/// <summary>
/// A fresh database on the real PostgreSQL for one test class (use as an xunit class fixture), dropped
/// afterwards. The server is CARTLEDGER_DB (set by ./cartledger test), or the project-local cluster, which
/// `./cartledger db url` starts on demand.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private static readonly Lazy<string> ServerConnectionString = new(ResolveServer);

    public string ConnectionString { get; private set; } = "";
    public string DatabaseName { get; } = $"test_{Guid.NewGuid():N}";

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Database = DatabaseName }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{DatabaseName}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ResolveServer()
    {
        if (Environment.GetEnvironmentVariable("CARTLEDGER_DB") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        var script = Path.Combine(RepoPaths.Root, "cartledger");
        var start = new ProcessStartInfo(script, ["db", "url"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var url = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || url.Length == 0)
        {
            throw new InvalidOperationException($"no PostgreSQL for tests: set CARTLEDGER_DB or run ./cartledger test ({error.Trim()})");
        }
        return url;
    }
}
