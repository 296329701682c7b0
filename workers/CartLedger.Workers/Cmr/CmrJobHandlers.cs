using CartLedger.Cmr.Analysis;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// On a CMR StudyImported: the whole CMR chain (CmrAnalyzer) on the study's cine and LGE, appended as
/// MyocardiumSegmented, ScarSegmented, MechanicalActivationMapped, EpicardialMeshBuilt (mesh blob) and TargetsProposed
/// (the domain's rule, run by the decider on the recorded scar and activation), in one append. An analysis that cannot
/// go on (no LV in view, missing phases, LGE planes differing from the cine) becomes ComputationFailed naming it; the
/// procedure continues with manually imported contours.
/// </summary>
public sealed class CmrAnalysisHandler(ProcedureAppender appender, WorkerIdentity identity, CmrParameters? parameters = null) : ProcedureJobHandler(appender, identity)
{
    private readonly CmrParameters _parameters = parameters ?? CmrParameters.Default;

    public override string Kind => WorkerJobs.CmrAnalyse;
    protected override string ComputationName => "cmr-analysis";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var study = (StudyImported)context.Trigger.Event;
        var cineSeries = study.Series.FirstOrDefault(s => s.Kind == SeriesKind.Cine);
        var inputs = study.Series.Where(s => s.Kind is SeriesKind.Cine or SeriesKind.Lge).SelectMany(s => s.BlobSha256).ToList();
        var failureInfo = new AlgorithmInfo("cartledger.cmr.analysis", Algorithms.Version, Algorithms.Parameters(_parameters), inputs.Count > 0 ? inputs.ToValueList() : [Hash(context.Trigger.Recorded.Data)], Hash(study.StudyInstanceUid));
        if (cineSeries is null)
        {
            throw new ComputationProblem("cine-missing", $"study {study.StudyInstanceUid} has no cine series (several phases per slice): import one, or import contours", study.StudyId, failureInfo);
        }
        var lgeSeries = study.Series.FirstOrDefault(s => s.Kind == SeriesKind.Lge);
        var read = await StudyFiles.ReadAsync(new BlobStore(Appender.Store.DataSource), inputs, cancellationToken);
        var cine = StackOf(read, cineSeries);
        var lge = lgeSeries is null ? null : StackOf(read, lgeSeries);
        CmrAnalysis analysis;
        try
        {
            analysis = CmrAnalyzer.Run(cine, lge, _parameters);
        }
        catch (CmrAnalysisException e)
        {
            throw new ComputationProblem(e.Code, $"{e.Message} Continue by importing contours.", study.StudyId, failureInfo);
        }
        var (commands, mesh) = CmrCommands.From(analysis, study.StudyId, cineSeries.SeriesInstanceUid, Identity.Actor, context.Now, _parameters);
        return new JobOutcome(commands, [mesh]);
    }

    internal static CineStack StackOf(DicomFolderImport read, ImportedSeries series) =>
        read.LoadedSeries(series.SeriesInstanceUid)?.Content is StackContent stack
            ? stack.Stack
            : throw new ComputationProblem("series-unreadable", $"series {series.SeriesInstanceUid} ({series.Description}) no longer reads as an image stack from its stored files");
}

/// <summary>
/// On ScarEdited: only the proposal depends on the scar the analyst changed, so only targets are proposed again (the
/// decider runs the rule on the edited scar). On ContoursAdjusted (an analyst's contour import, the contours.json stored
/// as its blob): the whole chain again from those contours (CmrAnalyzer.Run with imported contours): segmentation
/// (recorded as "cartledger.cmr.contour-import"), scar, activation, mesh and targets in one append, as on StudyImported.
/// </summary>
public sealed class CmrRecomputeHandler(ProcedureAppender appender, WorkerIdentity identity, CmrParameters? parameters = null) : ProcedureJobHandler(appender, identity)
{
    private readonly CmrParameters _parameters = parameters ?? CmrParameters.Default;

    public override string Kind => WorkerJobs.CmrRecompute;
    protected override string ComputationName => "cmr-recompute";

    protected override Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken) => context.Trigger.Event switch
    {
        ScarEdited when context.State.Scar is not null && context.State.Activation is not null =>
            Task.FromResult(new JobOutcome([new ProposeTargets(Identity.Actor, context.Now, context.State.Proposal?.Parameters ?? _parameters.Targets)], [])),
        ScarEdited => throw new ComputationProblem("activation-missing", "the scar was edited but there is no mechanical activation to propose targets from"),
        ContoursAdjusted adjusted => ReanalyseAsync(context, adjusted, cancellationToken),
        _ => Task.FromResult(JobOutcome.Nothing),
    };

    private async Task<JobOutcome> ReanalyseAsync(JobContext context, ContoursAdjusted adjusted, CancellationToken cancellationToken)
    {
        var blobs = new BlobStore(Appender.Store.DataSource);
        var bytes = await blobs.ExistsAsync(adjusted.ContoursSha256, cancellationToken)
            ? await blobs.GetAsync(adjusted.ContoursSha256, cancellationToken)
            : throw new ComputationProblem("contours-missing", $"contours {adjusted.ContoursSha256[..12]}... are not stored in the ledger (entered as a hash only?): import them with `cartledger contours import`");
        var series = System.Text.Json.Nodes.JsonNode.Parse(bytes)?["cineSeriesInstanceUid"]?.GetValue<string>();
        var study = context.State.Studies.LastOrDefault(s => s.Modality == Modality.Cmr && s.Series.Any(x => x.SeriesInstanceUid == series))
            ?? throw new ComputationProblem("contours-invalid", $"contours {adjusted.ContoursSha256[..12]}... name cine series {series}, which is in no imported CMR study");
        var (cine, lge, _) = await CmrStudyInputs.StacksAsync(study, series!, blobs, cancellationToken);
        var contours = await ContourImport.ReadAsync(adjusted.ContoursSha256, cine, blobs, cancellationToken);
        CmrAnalysis analysis;
        try
        {
            analysis = CmrAnalyzer.Run(cine, lge, _parameters, importedContours: contours);
        }
        catch (CmrAnalysisException e)
        {
            throw new ComputationProblem(e.Code, $"{e.Message} (from the imported contours {adjusted.ContoursSha256[..12]}...): import corrected contours.", study.StudyId);
        }
        var (commands, mesh) = CmrCommands.From(analysis, study.StudyId, series!, Identity.Actor, context.Now, _parameters);
        return new JobOutcome(commands, [mesh]);
    }
}

/// <summary>
/// On TargetChosen: the treatment files through <see cref="ITreatmentExport"/> (by default <see cref="CmrTreatmentExport"/>),
/// appended as TreatmentFilesExported with the DICOM files as blobs and the scar they show (automatic, or the analyst's
/// edit replayed), once per TargetChosen (the append id derives from the job).
/// </summary>
public sealed class TreatmentExportHandler(ProcedureAppender appender, WorkerIdentity identity, ITreatmentExport export) : ProcedureJobHandler(appender, identity)
{
    public override string Kind => WorkerJobs.CmrExport;
    protected override string ComputationName => "treatment-export";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var meshBytes = await MeshBlob.LoadBytesAsync(Appender.Store.DataSource, context.State, cancellationToken);
        var result = await export.ExportAsync(context.State, [.. context.Records.Select(r => r.Event)], meshBytes, new BlobStore(Appender.Store.DataSource), cancellationToken);
        if (result.Files.Count == 0)
        {
            return JobOutcome.Nothing;
        }
        var exported = result.Files.Select(f => new ExportedFile(f.Kind, f.SopInstanceUid, BlobStore.HashOf(f.Bytes))).ToValueList();
        return new JobOutcome([new ExportTreatmentFiles(Identity.Actor, context.Now, exported, result.Scar)], [.. result.Files.Select(f => f.Bytes)]);
    }
}
