using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Testing;

namespace CartLedger.Console.Tests;

/// <summary>`cartledger audit ...` end to end: real process, real database, exit codes 0/1/2.</summary>
public class AuditVerbTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CartLedgerProcess Cli() => new(database.ConnectionString, RepoPaths.ScratchFolder("home"));

    private async Task<Guid> AppendProcedureAsync(int events)
    {
        await using var dataSource = database.CreateDataSource();
        var store = await EventStore.OpenAsync(dataSource, cancellationToken: Ct);
        var stream = Guid.NewGuid();
        var metadata = new EventMetadata(new Actor("u-9", "Dr. Kai Berg", ActorRole.Cardiologist), "cathlab-3", Guid.NewGuid(), null, "test");
        for (var i = 0; i < events; i++)
        {
            await store.AppendAsync(new AppendRequest(stream, "crt_procedure", ExpectedVersion.Exactly(i), Guid.NewGuid(),
                [new NewEvent(Guid.NewGuid(), "note_recorded", 1, $$"""{"n":{{i}}}""", metadata with { Reason = $"step {i}" })]), Ct);
        }
        return stream;
    }

    [Fact]
    public async Task Audit_verify_exits_0_for_an_intact_ledger_and_reports_its_head()
    {
        await AppendProcedureAsync(3);

        var (code, output, error) = await Cli().RunAsync("audit", "verify", "--json");

        Assert.True(code == ExitCodes.Success, error);
        using var report = JsonDocument.Parse(output);
        Assert.True(report.RootElement.GetProperty("intact").GetBoolean());
        Assert.True(report.RootElement.GetProperty("eventsChecked").GetInt64() >= 3);
    }

    [Fact]
    public async Task Audit_stream_lists_who_did_what_and_reads_as_of_a_version()
    {
        var stream = await AppendProcedureAsync(4);

        var (code, output, error) = await Cli().RunAsync("audit", "stream", stream.ToString(), "--version", "2", "--json");
        var (plainCode, plain, _) = await Cli().RunAsync("audit", "stream", stream.ToString());

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("Dr. Kai Berg", events[1].GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("step 1", events[1].GetProperty("reason").GetString());
        Assert.Equal(ExitCodes.Success, plainCode);
        Assert.Contains("Dr. Kai Berg (cardiologist)", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_stream_refuses_as_of_and_version_together_with_exit_2()
    {
        var (code, _, error) = await Cli().RunAsync("audit", "stream", Guid.NewGuid().ToString(), "--version", "2", "--as-of", "2026-01-01T00:00:00Z");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_is_exported_and_verified_and_a_changed_file_is_rejected_with_exit_1()
    {
        await AppendProcedureAsync(2);
        var cli = Cli();
        var file = Path.Combine(cli.Home, "checkpoint.json");

        var (signCode, _, signError) = await cli.RunAsync("audit", "checkpoint", "--out", file);
        var (verifyCode, _, verifyError) = await cli.RunAsync("audit", "verify-checkpoint", file,
            "--public-key", Path.Combine(cli.Home, ".cartledger", "keys", "ledger-signing-key.pub.pem"));
        var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(file, Ct)).RootElement;
        var changed = Path.Combine(cli.Home, "changed.json");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(file, Ct)).Replace(
            $"\"position\": {checkpoint.GetProperty("position").GetInt64()}", $"\"position\": {checkpoint.GetProperty("position").GetInt64() - 1}", StringComparison.Ordinal), Ct);
        var (changedCode, _, changedError) = await cli.RunAsync("audit", "verify-checkpoint", changed, "--signature-only");

        Assert.True(signCode == ExitCodes.Success, signError);
        Assert.True(verifyCode == ExitCodes.Success, verifyError);
        Assert.Equal(ExitCodes.Failure, changedCode);
        Assert.Contains("signature does not verify", changedError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_checkpoint_file_fails_with_one_line_naming_it()
    {
        var cli = Cli();
        var file = Path.Combine(cli.Home, "not-a-checkpoint.json");
        await File.WriteAllTextAsync(file, "{\"hello\":1}", Ct);

        var (code, _, error) = await cli.RunAsync("audit", "verify-checkpoint", file, "--signature-only");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("not-a-checkpoint.json", error, StringComparison.Ordinal);
    }
}
