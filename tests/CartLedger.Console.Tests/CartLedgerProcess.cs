using System.Diagnostics;

namespace CartLedger.Console.Tests;

/// <summary>
/// Runs the built `cartledger` command as a real process against a test database (CARTLEDGER_DB) with its own
/// CARTLEDGER_HOME, the way an operator or a script runs it.
/// </summary>
public sealed class CartLedgerProcess(string connectionString, string home)
{
    public string Home { get; } = home;

    public async Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "cartledger.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Home,
        };
        start.Environment["CARTLEDGER_DB"] = connectionString;
        start.Environment["CARTLEDGER_HOME"] = Home;
        start.Environment["TERM"] = "dumb";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
