using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Scar;
using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// An analyst's scar edit as the ledger keeps it: <see cref="AppendAsync"/> replays a <see cref="ScarEditsFile"/> on
/// the automatic scar of the recorded analysis and appends <c>scar_edited</c> with the resulting per-segment
/// transmurality and burden, the edits file stored as the blob its <c>ScarMaskSha256</c> names. <see cref="ReplayAsync"/>
/// reads it back for the treatment export, so the exported scar is the edited one.
/// </summary>
public static class ScarEditing
{
    /// <summary>The analyst's latest edit of the worker's scar (a scar_edited after the last scar_segmented), or null.</summary>
    public static ScarEdited? LatestEdit(IEnumerable<ProcedureEvent> events)
    {
        ScarEdited? latest = null;
        foreach (var e in events)
        {
            latest = e switch
            {
                ScarSegmented => null,
                ScarEdited edit => edit,
                _ => latest,
            };
        }
        return latest;
    }

    /// <summary>
    /// The edits to replay for <paramref name="edit"/> and what an export says it included. Its pixel edits come from the
    /// stored edits file; an edit that changed only the threshold needs none. An edit that erased or added pixels but
    /// stored no edits file cannot be replayed: a <see cref="ComputationProblem"/> (nothing is exported that differs from the record).
    /// </summary>
    public static async Task<(IReadOnlyList<ScarEdit> Edits, IncludedScarEdit Included)> ReplayAsync(ScarEdited edit, BlobStore blobs, CancellationToken cancellationToken)
    {
        var source = $"scar_edited of {edit.OccurredAt:yyyy-MM-dd HH:mm}";
        if (!await blobs.ExistsAsync(edit.ScarMaskSha256, cancellationToken))
        {
            if (edit.ErasedPixelCount > 0 || edit.AddedPixelCount > 0)
            {
                throw new ComputationProblem("scar-edit-not-replayable",
                    $"{source} erased {edit.ErasedPixelCount} and added {edit.AddedPixelCount} pixels but stored no pixel edits file ({ScarEditsFile.Format}) under its scar mask hash {edit.ScarMaskSha256[..12]}...: record the edit again with its edits file; no treatment files were exported");
            }
            return ([new ScarThresholdChanged(edit.ThresholdFraction)], new IncludedScarEdit(edit.OccurredAt, edit.ThresholdFraction, 0, 0, null));
        }
        ScarEditsFile file;
        try
        {
            file = ScarEditsFile.Parse(await blobs.GetAsync(edit.ScarMaskSha256, cancellationToken), $"{source}: blob {edit.ScarMaskSha256[..12]}...");
        }
        catch (InvalidDataException e)
        {
            throw new ComputationProblem("scar-edit-unreadable", $"{e.Message}: record the edit again with a {ScarEditsFile.Format} file");
        }
        if (file.ThresholdFraction != edit.ThresholdFraction || file.ErasedPixelCount != edit.ErasedPixelCount || file.AddedPixelCount != edit.AddedPixelCount)
        {
            throw new ComputationProblem("scar-edit-inconsistent",
                $"{source} records threshold {edit.ThresholdFraction}, {edit.ErasedPixelCount} erased, {edit.AddedPixelCount} added; its edits file holds {file.ThresholdFraction}, {file.ErasedPixelCount}, {file.AddedPixelCount}: record the edit again");
        }
        return (file.ToEdits(), new IncludedScarEdit(edit.OccurredAt, edit.ThresholdFraction, edit.ErasedPixelCount, edit.AddedPixelCount, edit.ScarMaskSha256));
    }

    /// <summary>
    /// Replays <paramref name="edits"/> on the automatic scar of the procedure's CMR study and appends the analyst's
    /// scar_edited with its transmurality, burden and the edits file as a blob, in one idempotent append (the same
    /// edits and note append once). A slice or pixel outside the LGE grid is refused naming <paramref name="source"/>.
    /// </summary>
    public static async Task<ScarEdited> AppendAsync(ProcedureAppender appender, Guid procedureId, ScarEditsFile edits, string source, Actor by, DateTimeOffset at, string note,
        CmrParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        var (state, records) = await appender.LoadAsync(procedureId, cancellationToken);
        var inputs = await CmrStudyInputs.LoadAsync(state, records.Select(r => r.Event), new BlobStore(appender.Store.DataSource), cancellationToken);
        if (inputs.Lge is null)
        {
            throw new InvalidDataException($"{source}: the CMR study {inputs.Study.StudyInstanceUid} has no LGE series: there is no scar to edit");
        }
        CmrAnalysis analysis;
        try
        {
            analysis = CmrAnalyzer.Run(inputs.Cine, inputs.Lge, parameters ?? CmrParameters.Default, edits.ToEdits(), inputs.Contours);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{source}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
        var (transmurality, burden) = CmrCommands.ScarValues(analysis);
        var bytes = edits.ToBytes();
        var hash = BlobStore.HashOf(bytes);
        var command = new EditScar(by, at, edits.ThresholdFraction, edits.ErasedPixelCount, edits.AddedPixelCount, transmurality, burden, hash, note);
        var appendId = DerivedIds.From("scar-edit", procedureId.ToString(), hash, note);
        var (request, events) = appender.Prepare(procedureId, state, [command], appendId, procedureId, appendId, [bytes]);
        await appender.AppendAsync(request, cancellationToken);
        return (ScarEdited)events.Single();
    }
}
