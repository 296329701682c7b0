using System.Diagnostics;
using CartLedger.Ledger;
using Npgsql;

namespace CartLedger.Console.Cli;

/// <summary>
/// The process's one <see cref="NpgsqlDataSource"/>. The connection string is CARTLEDGER_DB, else what
/// `$CARTLEDGER_HOME/cartledger db url` prints (the script starts the project-local cluster on demand).
/// </summary>
public static class Database
{
    private static readonly Lazy<string> Url = new(ResolveConnectionString);
    private static readonly Lazy<NpgsqlDataSource> Source = new(() => Create(Url.Value));

    public static string ConnectionString => Url.Value;

    public static NpgsqlDataSource DataSource => Source.Value;

    /// <summary>The ledger store on the process's data source, its schema migrated.</summary>
    public static async Task<EventStore> OpenLedgerAsync(LedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await EventStore.OpenAsync(DataSource, options, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new CommandFailedException($"cannot open the ledger database: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>A data source that prepares the statements it repeats (appends, subscription reads) unless the string says otherwise.</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }
        return builder.Build();
    }

    private static string ResolveConnectionString()
    {
        if (Environment.GetEnvironmentVariable("CARTLEDGER_DB") is { Length: > 0 } configured)
        {
            return configured;
        }
        var home = Environment.GetEnvironmentVariable("CARTLEDGER_HOME");
        var script = home is { Length: > 0 } ? Path.Combine(home, "cartledger") : null;
        if (script is null || !File.Exists(script))
        {
            throw new CommandFailedException(
                "no database: CARTLEDGER_DB is not set (an Npgsql connection string) and CARTLEDGER_HOME does not point at the ./cartledger script; run through ./cartledger");
        }
        var start = new ProcessStartInfo(script, ["db", "url"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new CommandFailedException($"could not run {script} db url");
        var stderr = process.StandardError.ReadToEndAsync();
        var url = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || url.Length == 0)
        {
            var reason = stderr.Result.Trim().ReplaceLineEndings(" ");
            throw new CommandFailedException($"no database: '{script} db url' failed ({(reason.Length > 0 ? reason : $"exit {process.ExitCode}")})");
        }
        return url;
    }
}
