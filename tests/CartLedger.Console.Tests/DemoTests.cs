using CartLedger.Console.Cli;
using CartLedger.Testing;

namespace CartLedger.Console.Tests;

/// <summary>`cartledger demo` on a fresh database: every step runs, the chain verifies, its files are written.</summary>
public class DemoTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_demo_runs_every_step_and_writes_a_checkpoint_that_verifies()
    {
        var cli = new CartLedgerProcess(database.ConnectionString, RepoPaths.ScratchFolder("home"));

        var (code, output, error) = await cli.RunAsync("demo", "--without-phantom");
        var checkpoint = Path.Combine(cli.Home, ".cartledger", "demo", "checkpoint.json");
        var (verifyCode, _, verifyError) = await cli.RunAsync("audit", "verify-checkpoint", checkpoint);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("[8/8] Demo users", output, StringComparison.Ordinal);
        Assert.Contains("refused, nothing written", output, StringComparison.Ordinal);
        Assert.Contains("ledger: intact", output, StringComparison.Ordinal);
        Assert.Contains("read as v2", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.Home, ".cartledger", "demo", "audit-trail.txt")));
        Assert.True(verifyCode == ExitCodes.Success, verifyError);
    }
}
