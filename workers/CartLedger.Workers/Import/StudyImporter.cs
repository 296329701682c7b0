using System.Globalization;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Dicom;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Import;

/// <summary>
/// `cartledger import`: reads a DICOM folder (mixed series welcome), and for each study appends, in ONE idempotent
/// append, every file as a content-addressed blob and the events the decider makes of it: StudyImported for CMR (MR)
/// and CT series, FluoroscopyAcquired for X-ray (XA/RF) runs with their C-arm geometry. Ids and the append id derive
/// from the procedure, the StudyInstanceUID and the files' hashes, so a second run writes nothing. Any rejected series
/// refuses the whole import, naming series, file and attribute: nothing partial is written.
/// </summary>
public sealed class StudyImporter(ProcedureAppender appender, WorkerIdentity identity)
{
    public async Task<StudyImportResult> ImportAsync(string folder, Guid procedureId, CancellationToken cancellationToken = default)
    {
        var read = DicomFolderReader.Read(folder);
        var rejected = read.Rejected.SelectMany(s => s.Reasons.Select(r => $"series {Describe(s)} rejected: {r}")).ToList();
        if (rejected.Count > 0)
        {
            throw new StudyImportRejectedException(rejected);
        }
        var skipped = read.FileErrors.Select(p => $"{p} (skipped)").ToList();
        var headers = read.Files.Where(f => f.Header is not null).ToDictionary(f => f.Path, f => f.Header!);
        var byStudy = read.Loaded
            .GroupBy(s => headers[s.Files[0]].StudyInstanceUid ?? throw new StudyImportRejectedException([$"series {Describe(s)}: {s.Files[0]}: (0020,000D) StudyInstanceUID is missing"]))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byStudy.Count == 0)
        {
            throw new StudyImportRejectedException([$"{folder}: no loadable DICOM series{(skipped.Count > 0 ? $" ({skipped.Count} files skipped: {skipped[0]})" : "")}"]);
        }
        // Every study is checked before anything is written.
        var plans = byStudy.Select(g => Plan(procedureId, g.Key, [.. g], headers, skipped)).ToList();
        var studies = new List<ImportedStudy>();
        foreach (var plan in plans)
        {
            studies.Add(await AppendAsync(procedureId, plan, cancellationToken));
        }
        return new StudyImportResult(procedureId, studies, skipped);
    }

    private sealed record StudyPlan(string StudyUid, Guid StudyId, Guid AcquisitionId, Modality? Modality, List<ImportedSeries> Series, List<FluoroscopyView> Views, List<string> Files);

    private static StudyPlan Plan(Guid procedureId, string studyUid, List<LoadedSeries> series, Dictionary<string, DicomHeader> headers, List<string> skipped)
    {
        var imported = new List<ImportedSeries>();
        var views = new List<FluoroscopyView>();
        var files = new List<string>();
        var modalities = new HashSet<string>();
        foreach (var s in series.OrderBy(s => s.SeriesInstanceUid, StringComparer.Ordinal))
        {
            switch (s.Content)
            {
                case StackContent stack:
                    var hashes = s.Files.Select(HashFile).ToList();
                    imported.Add(new ImportedSeries(s.SeriesInstanceUid, KindOf(s, stack, headers), s.Description, hashes.ToValueList(), GeometryOf(stack, headers[s.Files[0]])));
                    modalities.Add(s.Modality);
                    files.AddRange(s.Files);
                    break;
                case XRayContent xray:
                    foreach (var run in xray.Runs)
                    {
                        var g = run.Geometry;
                        var label = string.IsNullOrWhiteSpace(s.Description) ? Imaging.Phantom.PhantomGenerator.ViewName(g.PrimaryAngleDeg, g.SecondaryAngleDeg) : s.Description;
                        views.Add(new FluoroscopyView(label, g.PrimaryAngleDeg, g.SecondaryAngleDeg, new Millimetres(g.SourceToDetectorMm),
                            run.Image.Header.SopInstanceUid ?? "", HashFile(run.Image.Header.Path), run.Image.FrameCount));
                        files.Add(run.Image.Header.Path);
                    }
                    break;
                default:
                    skipped.Add($"series {Describe(s)}: {s.Content.GetType().Name.Replace("Content", "", StringComparison.Ordinal).ToLowerInvariant()} is not imported into a procedure (skipped)");
                    break;
            }
        }
        Modality? modality = imported.Count == 0 ? null : modalities.Contains("CT") ? Modality.Ct : Modality.Cmr;
        return new StudyPlan(studyUid, DerivedIds.From("study", procedureId.ToString(), studyUid), DerivedIds.From("acquisition", procedureId.ToString(), studyUid), modality, imported, views, files);
    }

    private async Task<ImportedStudy> AppendAsync(Guid procedureId, StudyPlan plan, CancellationToken cancellationToken)
    {
        var (state, _) = await appender.LoadAsync(procedureId, cancellationToken);
        var now = appender.Clock.GetUtcNow();
        var commands = new List<ProcedureCommand>();
        var studyKnown = state.Studies.Any(s => s.StudyId == plan.StudyId);
        var acquisitionKnown = state.Acquisitions.Any(a => a.AcquisitionId == plan.AcquisitionId);
        if (plan.Modality is { } modality && !studyKnown)
        {
            commands.Add(new ImportStudy(identity.Actor, now, plan.StudyId, modality, plan.StudyUid, plan.Series.ToValueList()));
        }
        if (plan.Views.Count > 0 && !acquisitionKnown)
        {
            commands.Add(new AcquireFluoroscopy(identity.Actor, now, plan.AcquisitionId, plan.Views.ToValueList()));
        }
        var studyId = plan.Modality is null ? (Guid?)null : plan.StudyId;
        var acquisitionId = plan.Views.Count == 0 ? (Guid?)null : plan.AcquisitionId;
        if (commands.Count == 0)
        {
            return new ImportedStudy(plan.StudyUid, studyId, acquisitionId, [], plan.Files.Count, state.Version, AlreadyImported: true);
        }
        var blobs = plan.Files.Select(File.ReadAllBytes).ToList();
        var hashes = blobs.Select(b => BlobStore.HashOf(b)).Order(StringComparer.Ordinal);
        var appendId = DerivedIds.From(["import", procedureId.ToString(), plan.StudyUid, .. hashes]);
        var (request, events) = appender.Prepare(procedureId, state, commands, appendId, appendId, appendId, blobs);
        var result = await appender.AppendAsync(request, cancellationToken);
        return new ImportedStudy(plan.StudyUid, studyId, acquisitionId, result.Duplicate ? [] : [.. events.Select(Domain.Procedures.Storage.EventCatalog.NameOf)],
            plan.Files.Count, result.StreamVersion, result.Duplicate);
    }

    private static SeriesKind KindOf(LoadedSeries s, StackContent stack, Dictionary<string, DicomHeader> headers)
    {
        if (s.Modality == "CT")
        {
            return SeriesKind.CtAngiography;
        }
        if (stack.Stack.PhaseCount > 1)
        {
            return SeriesKind.Cine;
        }
        var header = headers[s.Files[0]];
        return header.Decimal(DicomTags.InversionTime) is not null || s.Description.Contains("LGE", StringComparison.OrdinalIgnoreCase) ? SeriesKind.Lge : SeriesKind.Other;
    }

    private static SeriesGeometry GeometryOf(StackContent content, DicomHeader first)
    {
        var slice = content.Stack.Slices[0];
        var plane = slice.Plane;
        var image = slice.Frames[0];
        var thickness = first.Decimal(DicomTags.SliceThickness) is { } t and > 0 ? t : content.SliceSpacingMm > 0 ? content.SliceSpacingMm : 1;
        return new SeriesGeometry(image.Height, image.Width, content.Stack.Slices.Count, content.Stack.PhaseCount, plane.YSpacingMm, plane.XSpacingMm, thickness,
            new[] { plane.XAxis.X, plane.XAxis.Y, plane.XAxis.Z, plane.YAxis.X, plane.YAxis.Y, plane.YAxis.Z }.ToValueList(),
            new Point3Mm(plane.Origin.X, plane.Origin.Y, plane.Origin.Z));
    }

    private static string HashFile(string path) => BlobStore.HashOf(File.ReadAllBytes(path));

    private static string Describe(SeriesOutcome s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.SeriesInstanceUid}{(string.IsNullOrWhiteSpace(s.Description) ? "" : $" ({s.Description})")} [{s.Modality}]");
}
