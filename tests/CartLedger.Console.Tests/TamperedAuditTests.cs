using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Testing;

namespace CartLedger.Console.Tests;

/// <summary>`audit verify` on a database whose event 2 was changed by a superuser: exit 1, position 2 named.</summary>
public class TamperedAuditTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_verify_exits_1_naming_the_changed_event()
    {
        await using var dataSource = database.CreateDataSource();
        var store = await EventStore.OpenAsync(dataSource, cancellationToken: Ct);
        var metadata = new EventMetadata(new Actor("u-1", "Operator One", ActorRole.Operator), "cathlab-1", Guid.NewGuid(), null, "test");
        await store.AppendAsync(new AppendRequest(Guid.NewGuid(), "crt_procedure", ExpectedVersion.NoStream, Guid.NewGuid(),
            [.. Enumerable.Range(0, 3).Select(i => new NewEvent(Guid.NewGuid(), "note_recorded", 1, $$"""{"n":{{i}}}""", metadata))]), Ct);
        await using (var superuser = dataSource.CreateCommand("select rolsuper from pg_roles where rolname = current_user"))
        {
            Assert.SkipUnless((bool)(await superuser.ExecuteScalarAsync(Ct))!, "tampering needs a superuser");
        }
        await using (var tamper = dataSource.CreateCommand("""
            alter table ledger.events disable trigger events_append_only;
            update ledger.events set data_text = '{"n":7}', data = '{"n":7}' where position = 2;
            alter table ledger.events enable trigger events_append_only;
            """))
        {
            await tamper.ExecuteNonQueryAsync(Ct);
        }

        var (code, output, error) = await new CartLedgerProcess(database.ConnectionString, RepoPaths.ScratchFolder("home")).RunAsync("audit", "verify", "--json");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("position 2", error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(2, report.RootElement.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("HashMismatch", report.RootElement.GetProperty("firstBreak").GetProperty("kind").GetString());
    }
}
