using System.Text.Json.Nodes;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// Manual contour import: an analyst's <see cref="ContourFile"/> (contours.json) for a procedure's CMR cine, checked
/// against the stored cine and appended as <c>contours_adjusted</c> with the file as the blob its ContoursSha256 names.
/// The worker then re-analyses from those contours (scar, activation, mesh, targets): the way on when the automatic
/// segmentation failed or is wrong.
/// </summary>
public static class ContourImport
{
    /// <summary>The algorithm name a segmentation from imported contours is recorded under (CmrAnalyzer.Imported).</summary>
    public const string AlgorithmName = "cartledger.cmr.contour-import";

    /// <summary>What an import appended (or found appended already).</summary>
    public sealed record Result(ContoursAdjusted Event, string CineSeriesUid, int SlicesWithLv, bool AlreadyImported);

    /// <summary>
    /// Checks <paramref name="contoursJson"/> against the procedure's CMR study with that cine series (read back from the
    /// blobs) and appends <c>contours_adjusted</c> with the file as a blob, idempotently (append id from procedure and file hash).
    /// A bad file is refused naming <paramref name="source"/>, the field and the reason (<see cref="InvalidDataException"/>); nothing is written.
    /// </summary>
    public static async Task<Result> AppendAsync(ProcedureAppender appender, Guid procedureId, byte[] contoursJson, string source, Actor by, DateTimeOffset at, string note, CancellationToken cancellationToken = default)
    {
        var (state, records) = await appender.LoadAsync(procedureId, cancellationToken);
        var hash = BlobStore.HashOf(contoursJson);
        if (records.Select(r => r.Event).OfType<ContoursAdjusted>().LastOrDefault(c => c.ContoursSha256 == hash) is { } existing)
        {
            return new Result(existing, "", 0, AlreadyImported: true);
        }
        var series = CineSeriesOf(contoursJson, source);
        var study = state.Studies.LastOrDefault(s => s.Modality == Modality.Cmr && s.Series.Any(x => x.SeriesInstanceUid == series))
            ?? throw new InvalidDataException($"{source}: field 'cineSeriesInstanceUid': {series} is in no CMR study imported into procedure {procedureId}: import the study first");
        var (cine, _, _) = await CmrStudyInputs.StacksAsync(study, series, new BlobStore(appender.Store.DataSource), cancellationToken);
        CineSegmentation segmentation;
        try
        {
            segmentation = ContourFile.Read(contoursJson, cine, source);
        }
        catch (CartLedger.Cmr.Analysis.CmrAnalysisException e)
        {
            throw new InvalidDataException($"{source}: the study's cine cannot carry contours ({e.Code}): {e.Message}");
        }
        var withLv = segmentation.SlicesBaseToApex.Count(s => s.HasLv);
        var appendId = DerivedIds.From("contours-import", procedureId.ToString(), hash);
        var (request, events) = appender.Prepare(procedureId, state, [new AdjustContours(by, at, hash, withLv, note)], appendId, procedureId, appendId, [contoursJson]);
        await appender.AppendAsync(request, cancellationToken);
        return new Result((ContoursAdjusted)events.Single(), series, withLv, AlreadyImported: false);
    }

    /// <summary>
    /// Label masks (0 background, 1 LV blood pool, 2 myocardium; named SOPInstanceUID, as <c>cartledger cmr segment</c>
    /// writes them) for a cine of one of the procedure's CMR studies, turned into contours on that cine
    /// (<see cref="LabelMaskSegmentation"/>: unlabelled phases propagated, orientation detected) and appended as
    /// <see cref="AppendAsync"/> does, the derived contours.json being the blob. The cine is the one most masks name.
    /// Bad masks are refused naming the mask and the reason; nothing is written.
    /// </summary>
    public static async Task<Result> AppendLabelsAsync(ProcedureAppender appender, Guid procedureId, IReadOnlyList<LabelMask> masks, string source, Actor by, DateTimeOffset at, string note, CancellationToken cancellationToken = default)
    {
        var (state, _) = await appender.LoadAsync(procedureId, cancellationToken);
        var names = masks.Select(m => Path.GetFileNameWithoutExtension(m.Source)).ToHashSet(StringComparer.Ordinal);
        var blobs = new BlobStore(appender.Store.DataSource);
        CineStack? best = null;
        var bestHits = 0;
        foreach (var study in state.Studies.Where(s => s.Modality == Modality.Cmr).Reverse())
        {
            foreach (var series in study.Series.Where(s => s.Kind == SeriesKind.Cine))
            {
                var (cine, _, _) = await CmrStudyInputs.StacksAsync(study, series.SeriesInstanceUid, blobs, cancellationToken);
                var hits = cine.Slices.Sum(s => s.SopInstanceUids.Count(names.Contains));
                if (hits > bestHits)
                {
                    (best, bestHits) = (cine, hits);
                }
            }
        }
        if (best is null)
        {
            throw new InvalidDataException($"{source}: no mask is named after an image of a cine imported into procedure {procedureId} (masks are SOPInstanceUID.png): import the study first");
        }
        var segmentation = LabelMaskSegmentation.Segment(best, masks, CartLedger.Cmr.Analysis.CmrParameters.Default.Segmentation, CartLedger.Cmr.Analysis.CmrParameters.Default.EndDiastolePhase, source);
        var json = System.Text.Encoding.UTF8.GetBytes(ContourFile.Write(best, null, segmentation, []));
        return await AppendAsync(appender, procedureId, json, source, by, at, note, cancellationToken);
    }

    /// <summary>The stored contours of a contours_adjusted read on <paramref name="cine"/>, or a <see cref="ComputationProblem"/> naming what is wrong.</summary>
    public static async Task<CineSegmentation> ReadAsync(string contoursSha256, CineStack cine, BlobStore blobs, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await blobs.GetAsync(contoursSha256, cancellationToken);
        }
        catch (BlobNotFoundException)
        {
            throw new ComputationProblem("contours-missing", $"contours {contoursSha256[..12]}... are not stored in the ledger (entered as a hash only?): import them with `cartledger contours import`");
        }
        try
        {
            return ContourFile.Read(bytes, cine, $"contours {contoursSha256[..12]}...");
        }
        catch (Exception e) when (e is InvalidDataException or CartLedger.Cmr.Analysis.CmrAnalysisException)
        {
            throw new ComputationProblem("contours-invalid", $"{e.Message}: import corrected contours");
        }
    }

    private static string CineSeriesOf(byte[] json, string source)
    {
        try
        {
            return JsonNode.Parse(json)?["cineSeriesInstanceUid"]?.GetValue<string>() ?? throw new InvalidDataException($"{source}: field 'cineSeriesInstanceUid' is missing");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: not a contours.json ({e.Message})");
        }
    }
}
