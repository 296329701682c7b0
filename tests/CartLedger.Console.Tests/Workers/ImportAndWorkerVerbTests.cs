using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger;
using CartLedger.Ledger.Procedures;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Workers;

/// <summary>`cartledger import` and `cartledger worker --once` as processes: a two-view XA study before any model exists.</summary>
public class ImportAndWorkerVerbTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_stores_the_study_once_and_the_worker_names_what_is_missing()
    {
        var procedure = await OpenProcedureAsync();
        var folder = TwoViewXa();
        var cli = new CartLedgerProcess(database.ConnectionString, RepoPaths.ScratchFolder("import-home"));

        var first = await cli.RunAsync("import", folder, "--procedure", procedure.ToString());
        var again = await cli.RunAsync("import", folder, "--procedure", procedure.ToString(), "--json");
        var worker = await cli.RunAsync("worker", "--once", "--procedure", procedure.ToString(), "--json");
        var unknown = await cli.RunAsync("import", folder, "--procedure", Guid.NewGuid().ToString());
        var noId = await cli.RunAsync("import", folder);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Err);
        Assert.Contains("fluoroscopy_acquired with 2 files as blobs", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("newEventCount").GetInt32());
        Assert.True(worker.ExitCode == ExitCodes.Success, worker.Err);
        // registration.propose (fails: no model) and registration.propose-ct (no CT imported: appends nothing).
        Assert.Equal(2, JsonDocument.Parse(worker.Out).RootElement.GetProperty("jobsRun").GetInt32());
        Assert.Equal(ExitCodes.Failure, unknown.ExitCode);
        Assert.Contains("procedure.not_opened", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadUsage, noId.ExitCode);
        var failed = Assert.IsType<ComputationFailed>((await LoadAsync(procedure))[^1]);
        Assert.Equal(("registration", "model-missing"), (failed.Computation, failed.Code));
    }

    private async Task<Guid> OpenProcedureAsync()
    {
        await using var dataSource = database.CreateDataSource();
        var store = await EventStore.OpenAsync(dataSource, cancellationToken: Ct);
        var id = Guid.NewGuid();
        await new ProcedureStore(store, TimeProvider.System, "test", "test").HandleAsync(id, new OpenProcedure(DemoUsers.Cardiologist.Actor, DateTimeOffset.UtcNow.AddHours(-1), id, "TEST-XA", "UMCU",
            new Indication(new Milliseconds(160), true, false, new Percent(25), NyhaClass.II)), Guid.NewGuid(), id, Ct);
        return id;
    }

    private async Task<IReadOnlyList<ProcedureEvent>> LoadAsync(Guid procedure)
    {
        await using var dataSource = database.CreateDataSource();
        var (_, records) = await new ProcedureStore(new EventStore(dataSource), TimeProvider.System, "test", "test").LoadAsync(procedure, Ct);
        return [.. records.Select(r => r.Event)];
    }

    private static string TwoViewXa()
    {
        var folder = RepoPaths.ScratchFolder("two-view-xa");
        var study = new DicomStudy(new DicomPatient("CRT-TEST-XA"), DicomUid.FromParts("verbs", "study"), Description: "implant");
        foreach (var (angle, k) in new[] { (40.0, 1), (-30.0, 2) })
        {
            var series = new DicomSeries(study, DicomUid.FromParts("verbs", "series", $"{k}"), DicomUid.FromParts("verbs", "frame", $"{k}"), k, angle > 0 ? "LAO 40" : "RAO 30");
            var pixels = new Image2D(32, 32, [.. Enumerable.Range(0, 32 * 32).Select(i => (float)((i * k) % 89))]);
            DicomWriter.WriteXaImage(Path.Combine(folder, $"xa{k}.dcm"), new DicomInstance(series, 1), [pixels], new CArmGeometry(angle, 0, 1200, 800, 0.3, 0.3, 32, 32, Vec3.Zero));
        }
        return folder;
    }
}
