using System.Text;
using System.Text.RegularExpressions;
using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Demo;
using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Tests.Support;

namespace CartLedger.Workers.Tests;

/// <summary>Automatic segmentation fails; the analyst imports contours; the worker goes on from them (same phantom, a procedure of its own).</summary>
public partial class PhantomPipelineTests
{
    /// <summary>Segmentation parameters under which no blood pool qualifies as the LV: the automatic analysis fails with a clear code.</summary>
    private static readonly CmrParameters NoLvFound = CmrParameters.Default with { Segmentation = CmrParameters.Default.Segmentation with { MinPoolAreaMm2 = 20000, MaxPoolAreaMm2 = 30000 } };

    [Fact]
    public async Task When_automatic_segmentation_fails_imported_contours_lead_to_targets_and_treatment_files()
    {
        var procedure = await Ledger.OpenProcedureAsync(Ct);
        await Ledger.Importer.ImportAsync(pipeline.Folders.Cmr, procedure, Ct);
        var host = Ledger.Host(procedure, cmr: NoLvFound);
        await host.DrainAsync(cancellationToken: Ct);
        var failed = Assert.Single((await Ledger.EventsAsync(procedure, Ct)).OfType<ComputationFailed>());
        Assert.Equal("cmr-analysis", failed.Computation);
        Assert.Contains("importing contours", failed.Reason, StringComparison.Ordinal);

        // The analyst's contours from another tool: here `cmr segment`'s contours.json, made with the default parameters.
        var contours = await ContoursJsonAsync(procedure);
        var imported = await ContourImport.AppendAsync(Ledger.Appender, procedure, contours, "contours.json", DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, "contoured in another tool", Ct);
        var again = await ContourImport.AppendAsync(Ledger.Appender, procedure, contours, "contours.json", DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, "contoured in another tool", Ct);
        await host.DrainAsync(cancellationToken: Ct);

        var events = (await Ledger.EventsAsync(procedure, Ct)).ToList();
        Assert.True(again.AlreadyImported);
        Assert.Single(events.OfType<ContoursAdjusted>());
        Assert.Equal(contours, await new BlobStore(Ledger.DataSource).GetAsync(imported.Event.ContoursSha256, Ct));
        var after = events.SkipWhile(e => e is not ContoursAdjusted).Skip(1).ToList();
        Assert.Equal(ContourImport.AlgorithmName, Assert.Single(after.OfType<MyocardiumSegmented>()).Algorithm.Name);
        Assert.Single(after.OfType<ScarSegmented>());
        Assert.Single(after.OfType<MechanicalActivationMapped>());
        Assert.Single(after.OfType<EpicardialMeshBuilt>());
        var proposal = Assert.Single(after.OfType<TargetsProposed>());
        Assert.NotEqual(LeadCategory.Remote, LeadClassifier.Classify(proposal.Sites[0].Segment, SegmentId.Of36(pipeline.Patient.Truth.Targets.Primary)));

        // The treatment export rebuilds the same analysis from the imported contours (not the failing automatic one).
        var primary = proposal.Sites[0].Segment;
        await Ledger.StaffAsync(procedure, new ChooseTarget(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, primary, [primary], null), Ct);
        await host.DrainAsync(cancellationToken: Ct);
        var final = await Ledger.EventsAsync(procedure, Ct);
        Assert.Single(final.OfType<TreatmentFilesExported>());
        Assert.Single(final.OfType<ComputationFailed>());
    }

    [Fact]
    public async Task A_bad_contour_file_is_refused_naming_the_file_and_field_and_nothing_is_written()
    {
        var before = await Ledger.EventsAsync(Procedure, Ct);
        var good = Encoding.UTF8.GetString(await ContoursJsonAsync(Procedure));
        string[] bad =
        [
            good.Replace(CineSeriesOf(before), "1.2.3.4", StringComparison.Ordinal),
            Regex.Replace(good, "\"endDiastolePhase\": [0-9]+", "\"endDiastolePhase\": 99"),
            "{\"cineSeriesInstanceUid\": \"" + CineSeriesOf(before) + "\", \"images\": 3}",
        ];

        var errors = new List<string>();
        foreach (var json in bad)
        {
            errors.Add((await Assert.ThrowsAsync<InvalidDataException>(() =>
                ContourImport.AppendAsync(Ledger.Appender, Procedure, Encoding.UTF8.GetBytes(json), "my-contours.json", DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, "bad", Ct))).Message);
        }

        Assert.All(errors, e => Assert.StartsWith("my-contours.json", e, StringComparison.Ordinal));
        Assert.Contains("cineSeriesInstanceUid", errors[0], StringComparison.Ordinal);
        Assert.Contains("endDiastolePhase", errors[1], StringComparison.Ordinal);
        Assert.Contains("field 'endDiastolePhase' is missing", errors[2], StringComparison.Ordinal);
        Assert.Equal(before.Count, (await Ledger.EventsAsync(Procedure, Ct)).Count);
    }

    private static string CineSeriesOf(IEnumerable<ProcedureEvent> events) =>
        events.OfType<StudyImported>().First(s => s.Modality == Modality.Cmr).Series.First(s => s.Kind == SeriesKind.Cine).SeriesInstanceUid;

    /// <summary>contours.json as `cartledger cmr segment` writes it, for the procedure's stored CMR study.</summary>
    private async Task<byte[]> ContoursJsonAsync(Guid procedure)
    {
        var events = await Ledger.EventsAsync(procedure, Ct);
        var study = events.OfType<StudyImported>().First(s => s.Modality == Modality.Cmr);
        var (cine, lge, _) = await CmrStudyInputs.StacksAsync(study, CineSeriesOf(events), new BlobStore(Ledger.DataSource), Ct);
        var segmentation = CineSegmenter.Segment(cine, CmrParameters.Default.Segmentation, CmrParameters.Default.EndDiastolePhase);
        return Encoding.UTF8.GetBytes(ContourFile.Write(cine, lge, segmentation, lge is null ? [] : LgeContourTransfer.Transfer(lge, segmentation)));
    }
}
