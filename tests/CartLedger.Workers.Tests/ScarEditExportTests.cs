using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Tests.Support;

namespace CartLedger.Workers.Tests;

/// <summary>The analyst's scar edits reach the treatment files (same phantom pipeline as the other tests).</summary>
public partial class PhantomPipelineTests
{
    [Fact]
    public async Task The_treatment_export_shows_the_scar_as_edited_and_names_the_edit_it_replayed()
    {
        var events = await Ledger.EventsAsync(Procedure, Ct);
        var automatic = events.OfType<ScarSegmented>().Single();
        var lge = events.OfType<StudyImported>().Single(s => s.Modality == Modality.Cmr).Series.Single(s => s.Kind == SeriesKind.Lge).Geometry;
        // A higher threshold and one mid-ventricular LGE slice erased entirely: both make the scar smaller.
        var edits = new ScarEditsFile(0.65, [new ScarPixels(lge.SliceCount / 2, [.. Enumerable.Range(0, lge.Rows * lge.Columns)])], []);
        var edited = await ScarEditing.AppendAsync(Ledger.Appender, Procedure, edits, "test edits", DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, "threshold 0.65, mid slice erased", cancellationToken: Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var proposal = (await Ledger.EventsAsync(Procedure, Ct)).OfType<TargetsProposed>().Last();
        var primary = proposal.Sites[0].Segment;
        await Ledger.StaffAsync(Procedure, new ChooseTarget(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, primary, [primary], null), Ct);

        await Ledger.Host().DrainAsync(cancellationToken: Ct);

        var after = await Ledger.EventsAsync(Procedure, Ct);
        Assert.DoesNotContain(after, e => e is ComputationFailed { Computation: "treatment-export" });
        var exported = after.OfType<TreatmentFilesExported>().Last();
        Assert.True(after.ToList().IndexOf(exported) > after.ToList().IndexOf(edited), "the export after the edit");
        var scar = Assert.IsType<ExportedScar>(exported.Scar);
        Assert.Equal(new IncludedScarEdit(edited.OccurredAt, 0.65, lge.Rows * lge.Columns, 0, BlobStore.HashOf(edits.ToBytes())), scar.Edit);
        Assert.Equal(0.65, scar.ThresholdFraction);
        // The burden of the scar the export replayed equals what the edit recorded, and is below the automatic scar's.
        Assert.Equal(edited.ScarBurdenPercent, scar.ScarBurdenPercent);
        Assert.True(scar.ScarBurdenPercent.Value < automatic.ScarBurdenPercent.Value, $"edited burden {scar.ScarBurdenPercent} vs automatic {automatic.ScarBurdenPercent}");
        Assert.Equal(edits.ToBytes(), await new BlobStore(Ledger.DataSource).GetAsync(edited.ScarMaskSha256, Ct));
    }

    [Fact]
    public async Task A_pixel_edit_without_its_edits_file_cannot_be_replayed_and_says_why()
    {
        var unknownMask = new string('e', 64);
        var edit = new ScarEdited(DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, 0.5, 12, 0, [], new(3), unknownMask, "erased by hand");

        var problem = await Assert.ThrowsAsync<ComputationProblem>(() => ScarEditing.ReplayAsync(edit, new BlobStore(Ledger.DataSource), Ct));
        var thresholdOnly = await ScarEditing.ReplayAsync(edit with { ErasedPixelCount = 0, ThresholdFraction = 0.4 }, new BlobStore(Ledger.DataSource), Ct);

        Assert.Equal("scar-edit-not-replayable", problem.Code);
        Assert.Contains("erased 12", problem.Message, StringComparison.Ordinal);
        Assert.Contains(ScarEditsFile.Format, problem.Message, StringComparison.Ordinal);
        Assert.Null(thresholdOnly.Included.PixelEditsSha256);
        Assert.Equal(0.4, Assert.IsType<CartLedger.Cmr.Scar.ScarThresholdChanged>(Assert.Single(thresholdOnly.Edits)).ThresholdFraction);
    }
}
