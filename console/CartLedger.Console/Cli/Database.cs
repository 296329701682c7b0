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
    private static readonly Lazy<NpgsqlDataSource> Source = new(() => NpgsqlDataSource.Create(Url.Value));

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
                "no database: set CARTLEDGER_DB to an Npgsql connection string, or run through ./cartledger (which sets CARTLEDGER_HOME)");
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
