using CartLedger.Ledger.Schema;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

/// <summary>Every process migrates at start-up: concurrent starters are serialised, and a second run applies nothing.</summary>
public class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Concurrent_starters_apply_each_script_once_and_a_later_start_applies_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = database.CreateDataSource();
        var scripts = MigrationScript.LoadEmbedded(typeof(LedgerSchema).Assembly);

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => LedgerSchema.MigrateAsync(dataSource, ct), ct)));
        var again = await LedgerSchema.MigrateAsync(dataSource, ct);
        await using var count = dataSource.CreateCommand("select count(*) from ledger.schema_migrations where component = 'ledger'");

        Assert.Equal(scripts.Count, applied.Sum());
        Assert.Equal(scripts.Count, applied.Max());
        Assert.Equal(0, again);
        Assert.Equal((long)scripts.Count, await count.ExecuteScalarAsync(ct));
        Assert.Equal(scripts.Select(s => s.Version).Order(), scripts.Select(s => s.Version));
    }
}
