namespace CartLedger.Console.Cli;

/// <summary>Where local state lives: <c>$CARTLEDGER_HOME/.cartledger</c> (set by ./cartledger), else <c>./.cartledger</c>.</summary>
public static class CartLedgerHome
{
    public static string StateFolder(params string[] parts) =>
        Path.Combine([Environment.GetEnvironmentVariable("CARTLEDGER_HOME") is { Length: > 0 } home ? home : Directory.GetCurrentDirectory(), ".cartledger", .. parts]);
}
