using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Console.Tests.Cmr;
using CartLedger.Domain.Procedures;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Workers;

/// <summary>`cartledger scar edit` as a process on a procedure the worker analysed: the edit appended once with its file; bad input named, nothing written.</summary>
public class ScarVerbTests(PostgresDatabase database, CmrPhantomFolder phantom) : IClassFixture<PostgresDatabase>, IClassFixture<CmrPhantomFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scar_edits_file_is_replayed_and_appended_once_and_a_bad_one_is_refused_naming_file_and_field()
    {
        var procedure = await VerbProcedures.OpenAsync(database, "TEST-SCAR", Ct);
        var cli = new CartLedgerProcess(database.ConnectionString, RepoPaths.ScratchFolder("scar-home"));
        var folder = RepoPaths.ScratchFolder("scar-verb");
        var (edits, outside, broken) = (Path.Combine(folder, "edits.json"), Path.Combine(folder, "outside.json"), Path.Combine(folder, "broken.json"));
        await File.WriteAllTextAsync(edits, """{"format":"cartledger.scar-edits/1","threshold_fraction":0.65,"erase":[],"add":[]}""", Ct);
        await File.WriteAllTextAsync(outside, """{"format":"cartledger.scar-edits/1","threshold_fraction":0.5,"erase":[{"lge_slice":999,"pixels":[1]}],"add":[]}""", Ct);
        await File.WriteAllTextAsync(broken, """{"format":"cartledger.scar-edits/1","threshold_fraction":2}""", Ct);
        string[] who = ["--procedure", procedure.ToString(), "--by", "an.bakker", "--by-name", "S. Bakker", "--note", "threshold raised"];
        var early = await cli.RunAsync(["scar", "edit", edits, .. who]);
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("import", phantom.Dicom, "--procedure", procedure.ToString())).ExitCode);
        var worker = await cli.RunAsync("worker", "--once", "--procedure", procedure.ToString());
        Assert.True(worker.ExitCode == ExitCodes.Success, worker.Err);
        var automatic = (await VerbProcedures.EventsAsync(database, procedure, Ct)).OfType<ScarSegmented>().Single();

        var first = await cli.RunAsync(["scar", "edit", edits, .. who, "--json"]);
        var again = await cli.RunAsync(["scar", "edit", edits, .. who]);
        var wrongSlice = await cli.RunAsync(["scar", "edit", outside, .. who]);
        var wrongField = await cli.RunAsync(["scar", "edit", broken, .. who]);

        Assert.Equal(ExitCodes.Failure, early.ExitCode);
        Assert.Contains("nothing written", early.Err, StringComparison.Ordinal);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Err);
        var result = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(0.65, result.GetProperty("thresholdFraction").GetDouble());
        Assert.True(result.GetProperty("scarBurdenPercent").GetDouble() < automatic.ScarBurdenPercent.Value);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal(ExitCodes.Failure, wrongSlice.ExitCode);
        Assert.Contains("outside.json", wrongSlice.Err, StringComparison.Ordinal);
        Assert.Contains("LGE slice 999", wrongSlice.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, wrongField.ExitCode);
        Assert.Contains("broken.json: field 'threshold_fraction'", wrongField.Err, StringComparison.Ordinal);
        var edited = Assert.Single((await VerbProcedures.EventsAsync(database, procedure, Ct)).OfType<ScarEdited>());
        Assert.Equal(result.GetProperty("editsSha256").GetString(), edited.ScarMaskSha256);
    }
}
