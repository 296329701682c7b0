using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.CtStructures;
using CartLedger.Cmr.Export;
using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// The treatment export on TargetChosen: reads the CMR study's cine and LGE back from the blobs, re-runs the CMR
/// chain (deterministic: the rebuilt mesh must hash to the recorded one, else "analysis-not-reproducible"), builds a
/// <see cref="TreatmentRequest"/> with the chosen target, the traced phrenic nerve and CS ostium (when traced on the CMR
/// study: they share its frame), dated by the TargetChosen event, and writes it with <see cref="TreatmentExport.Write"/>.
/// The DICOM files (those with a treatment file kind) are returned for the ledger; the meshes and pictures stay in the
/// folder. Without <paramref name="keepFolder"/> that folder is a scratch folder, deleted afterwards; with it the whole
/// export stays there (the demo's <c>phantom/treatment</c>).
/// </summary>
public sealed class CmrTreatmentExport(CmrParameters? parameters = null, string? keepFolder = null) : ITreatmentExport
{
    private readonly CmrParameters _parameters = parameters ?? CmrParameters.Default;

    public async Task<IReadOnlyList<TreatmentFile>> ExportAsync(ProcedureState state, byte[] meshBlob, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (state.Target is not { } target)
        {
            return [];
        }
        var myocardium = state.Myocardium ?? throw new ComputationProblem("analysis-missing", "no myocardium was segmented by the worker (entered values?): nothing to export from; import the CMR study");
        var study = state.Studies.LastOrDefault(s => s.Modality == Modality.Cmr && s.Series.Any(x => x.SeriesInstanceUid == myocardium.CineSeriesUid))
            ?? throw new ComputationProblem("files-missing", $"the segmented cine series {myocardium.CineSeriesUid} is in no imported CMR study: import the DICOM folder", myocardium.StudyId);
        var cineSeries = study.Series.First(s => s.SeriesInstanceUid == myocardium.CineSeriesUid);
        var lgeSeries = study.Series.FirstOrDefault(s => s.Kind == SeriesKind.Lge);
        var read = await StudyFiles.ReadAsync(blobs, cineSeries.BlobSha256.Concat(lgeSeries?.BlobSha256 ?? []), cancellationToken);
        var cine = CmrAnalysisHandler.StackOf(read, cineSeries);
        var lge = lgeSeries is null ? null : CmrAnalysisHandler.StackOf(read, lgeSeries);
        var analysis = CmrAnalyzer.Run(cine, lge, _parameters);
        var rebuilt = BlobStore.HashOf(MeshBlob.From(analysis.Mesh.Value).ToBytes());
        if (rebuilt != BlobStore.HashOf(meshBlob))
        {
            throw new ComputationProblem("analysis-not-reproducible", $"the CMR analysis run again gives mesh {rebuilt[..12]}..., the ledger holds {BlobStore.HashOf(meshBlob)[..12]}... (other parameters or version?): analyse the study again", study.StudyId);
        }
        var request = new TreatmentRequest(analysis, cine, lge, new DicomStudy(new DicomPatient(PatientIdOf(read)), study.StudyInstanceUid), target.PrimaryTarget, [.. target.TargetArea],
            target.OccurredAt.UtcDateTime, CtStructuresOf(state, study.StudyId, cine.FrameOfReferenceUid));
        var folder = keepFolder ?? Path.Combine(Path.GetTempPath(), $"cartledger-export-{Guid.NewGuid():N}");
        try
        {
            var written = TreatmentExport.Write(folder, request);
            var files = new List<TreatmentFile>();
            foreach (var file in written)
            {
                if (file is { Kind: { } kind, SopInstanceUid: { } uid })
                {
                    files.Add(new TreatmentFile(kind, uid, await File.ReadAllBytesAsync(file.Path, cancellationToken)));
                }
            }
            return files;
        }
        finally
        {
            if (keepFolder is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The pseudonymous PatientID of the stored files (printable ASCII, 64 characters at most; never a name).</summary>
    private static string PatientIdOf(DicomFolderImport read)
    {
        var id = read.Files.Select(f => f.Header?.Attributes.Text(DicomTags.PatientID)).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "";
        var clean = new string(id.Trim().Where(c => c is >= ' ' and <= '~' && c != '\\').Take(64).ToArray());
        return clean.Length > 0 ? clean : "ANONYMOUS";
    }

    /// <summary>The phrenic nerve and CS ostium when traced on the CMR study itself (same frame of reference); structures traced on another study are left out.</summary>
    private static CtStructureModel? CtStructuresOf(ProcedureState state, Guid cmrStudyId, string frameOfReferenceUid)
    {
        var nerve = state.PhrenicNerve is { } n && n.StudyId == cmrStudyId ? n.PathLpsMm.Select(p => new Vec3(p.X, p.Y, p.Z)).ToList() : [];
        Vec3? ostium = state.SinusOstium is { } o && o.StudyId == cmrStudyId ? new Vec3(o.PositionLpsMm.X, o.PositionLpsMm.Y, o.PositionLpsMm.Z) : null;
        return nerve.Count >= 2 || ostium is not null ? new CtStructureModel(frameOfReferenceUid, nerve.Count >= 2 ? nerve : [], ostium) : null;
    }
}
