using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Console.Tests.Cmr;
using CartLedger.Domain.Procedures;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Workers;

/// <summary>`cartledger contours import` as a process: `cmr segment`'s contours.json into a procedure, once; bad input named, nothing written.</summary>
public class ContoursVerbTests(PostgresDatabase database, CmrPhantomFolder phantom) : IClassFixture<PostgresDatabase>, IClassFixture<CmrPhantomFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contours_from_cmr_segment_are_imported_once_and_a_bad_file_is_refused_naming_file_and_field()
    {
        var (procedure, cli, labels) = await SegmentedAsync("contours");
        var contours = Path.Combine(labels, "contours.json");
        var broken = Path.Combine(labels, "broken.json");
        var json = await File.ReadAllTextAsync(contours, Ct);
        var series = JsonDocument.Parse(json).RootElement.GetProperty("cineSeriesInstanceUid").GetString()!;
        await File.WriteAllTextAsync(broken, json.Replace(series, "1.2.3.4", StringComparison.Ordinal), Ct);
        string[] who = ["--procedure", procedure.ToString(), "--by", "an.bakker", "--by-name", "S. Bakker", "--note", "contoured in another tool"];

        var first = await cli.RunAsync(["contours", "import", contours, .. who, "--json"]);
        var again = await cli.RunAsync(["contours", "import", contours, .. who]);
        var bad = await cli.RunAsync(["contours", "import", broken, .. who]);
        var noNote = await cli.RunAsync("contours", "import", contours, "--procedure", procedure.ToString(), "--by", "an.bakker", "--by-name", "S. Bakker");

        Assert.True(first.ExitCode == ExitCodes.Success, first.Err);
        var result = JsonDocument.Parse(first.Out).RootElement;
        Assert.False(result.GetProperty("alreadyImported").GetBoolean());
        Assert.True(result.GetProperty("slicesWithLv").GetInt32() > 3);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("already imported", again.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, bad.ExitCode);
        Assert.Contains("broken.json: field 'cineSeriesInstanceUid'", bad.Err, StringComparison.Ordinal);
        Assert.Contains("nothing written", bad.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadUsage, noNote.ExitCode);
        var adjusted = Assert.Single((await LoadAsync(procedure)).OfType<ContoursAdjusted>());
        Assert.Equal(result.GetProperty("contoursSha256").GetString(), adjusted.ContoursSha256);
        Assert.Equal(new Domain.Access.Actor("an.bakker", "S. Bakker", Domain.Access.Role.Analyst), adjusted.By);
    }

    [Fact]
    public async Task A_folder_of_label_masks_is_imported_as_contours_and_a_bad_mask_is_refused_naming_it()
    {
        var (procedure, cli, labels) = await SegmentedAsync("masks");
        var bad = Path.Combine(Path.GetDirectoryName(labels)!, "bad");
        Directory.CreateDirectory(bad);
        var mask = Directory.GetFiles(labels, "*.png").Order(StringComparer.Ordinal).First();
        Imaging.Pictures.PngEncoder.WriteGrey(Path.Combine(bad, Path.GetFileName(mask)), new byte[16], 4, 4);
        string[] who = ["--procedure", procedure.ToString(), "--by", "an.bakker", "--by-name", "S. Bakker", "--note", "masks corrected in 3D Slicer"];

        var refused = await cli.RunAsync(["contours", "import", bad, .. who]);
        var imported = await cli.RunAsync(["contours", "import", labels, .. who, "--json"]);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains($"{Path.GetFileName(mask)}: 4x4 pixels, but cine image", refused.Err, StringComparison.Ordinal);
        Assert.Contains("nothing written", refused.Err, StringComparison.Ordinal);
        Assert.True(imported.ExitCode == ExitCodes.Success, imported.Err);
        var result = JsonDocument.Parse(imported.Out).RootElement;
        Assert.True(result.GetProperty("slicesWithLv").GetInt32() > 3);
        var adjusted = Assert.Single((await LoadAsync(procedure)).OfType<ContoursAdjusted>());
        Assert.Equal(result.GetProperty("contoursSha256").GetString(), adjusted.ContoursSha256);
    }

    /// <summary>A procedure with the phantom's cine imported, and `cmr segment`'s labels of it (PNGs and contours.json).</summary>
    private async Task<(Guid Procedure, CartLedgerProcess Cli, string Labels)> SegmentedAsync(string name)
    {
        var procedure = await OpenProcedureAsync();
        var cli = new CartLedgerProcess(database.ConnectionString, RepoPaths.ScratchFolder($"{name}-home"));
        var labels = Path.Combine(RepoPaths.ScratchFolder($"{name}-verb"), "labels");
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("import", phantom.Folders.Cine, "--procedure", procedure.ToString())).ExitCode);
        var segment = await cli.RunAsync("cmr", "segment", phantom.Folders.Cine, "--out", labels);
        Assert.True(segment.ExitCode == ExitCodes.Success, segment.Err);
        return (procedure, cli, labels);
    }

    private Task<Guid> OpenProcedureAsync() => VerbProcedures.OpenAsync(database, "TEST-CONTOURS", Ct);

    private Task<IReadOnlyList<ProcedureEvent>> LoadAsync(Guid procedure) => VerbProcedures.EventsAsync(database, procedure, Ct);
}
