using CartLedger.Console.Cli;
using CartLedger.Domain.Demo;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Demo;

public class DemoCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_demo_stores_a_complete_procedure_computes_the_phantom_halves_prints_its_timeline_and_ends_with_every_demo_user()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var folder = RepoPaths.ScratchFolder("demo");
        var code = await CliApp.RunAsync(["demo", "--database", database.ConnectionString, "--output", folder], new Terminal(output, error, interactive: false), TestContext.Current.CancellationToken);
        Assert.True(code == ExitCodes.Success, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.EndsWith("29 events (recorded = database clock, occurred = clinical time as stated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("lead_position_measured: lead LV2 in 36:24 mid anterolateral 2: adjacent (36) / within (18)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[entered, not computed]", StringComparison.Ordinal));
        var userLines = lines.SkipWhile(l => !l.StartsWith("Demo users", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(DemoUsers.All.Count, userLines.Count);
        Assert.All(DemoUsers.All, u => Assert.Contains(userLines, l => l.Contains(u.SignInName, StringComparison.Ordinal) && l.Contains(u.DemoPassword, StringComparison.Ordinal)));
        Assert.Equal(29, File.ReadAllLines(Path.Combine(folder, "procedure-timeline.txt")).Length);
        // The phantom halves: computed by the workers, ending in a measured electrode with its category and distances.
        Assert.Contains(lines, l => l.StartsWith("proposed primary 36:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("LV1 distal in 36:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("category vs target: 36 ", StringComparison.Ordinal) && l.Contains("distance to target", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("FAILED", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "phantom", "procedure-timeline.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "phantom", "epicardial-mesh.json")));
        // The treatment export (worker, on target_chosen) and the fused overlays of the accepted registration.
        var treatment = Path.Combine(folder, "phantom", "treatment");
        Assert.All(new[] { "dicom/cmr-surfaces.dcm", "dicom/cmr-seg.dcm", "pictures/bullseye-scar.png", "pictures/bullseye-targets.png", "pictures/strain-curves.png" },
            f => Assert.True(File.Exists(Path.Combine(treatment, f)), $"no {f} in {treatment}"));
        Assert.Contains(lines, l => l.StartsWith("treatment files exported (", StringComparison.Ordinal) && l.EndsWith(treatment, StringComparison.Ordinal));
        var overlay = Path.Combine(folder, "phantom", "overlay");
        Assert.All(new[] { "overlay-view1.png", "overlay-view2.png", "overlay-view1.dcm", "overlay-view2.dcm" }, f => Assert.Contains(lines, l => l == $"overlay: {Path.Combine(overlay, f)}"));
        var picture = Imaging.Pictures.PngDecoder.Read(Path.Combine(overlay, "overlay-view1.png"));
        Assert.True(picture.Width > 0 && picture.Height > 0 && picture.Samples.Length > 0);
    }

    [Fact]
    public async Task The_demo_without_a_database_fails_with_one_line()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("CARTLEDGER_DB") is { Length: > 0 }, "CARTLEDGER_DB is set for this run, so the missing-database path cannot be reached");
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["demo"], new Terminal(TextWriter.Null, error, interactive: false), TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("CARTLEDGER_DB is not set", error.ToString(), StringComparison.Ordinal);
    }
}
