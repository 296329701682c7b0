using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.CtStructures;
using CartLedger.Cmr.Export;
using CartLedger.Cmr.Provenance;
using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// The treatment export on TargetChosen: reads the CMR study's cine and LGE back from the blobs, re-runs the CMR
/// chain (on the imported contours when the segmentation was imported; deterministic: the rebuilt mesh must hash to the recorded one, else "analysis-not-reproducible"), replays the
/// analyst's latest scar edit on the automatic scar (<see cref="ScarEditing.ReplayAsync"/>: threshold fraction, erased and
/// added pixels), so the scar surface, the SEG, the mesh's transmurality and the pictures show the scar as edited, and
/// proposes on it with the ledger's rule parameters. It builds a <see cref="TreatmentRequest"/> with the chosen target,
/// the traced phrenic nerve and CS ostium (when traced on the CMR study: they share its frame), dated by the TargetChosen
/// event, and writes it with <see cref="TreatmentExport.Write"/>. The DICOM files (those with a treatment file kind) are
/// returned for the ledger with the scar they show; the meshes and pictures stay in the folder. Without
/// <paramref name="keepFolder"/> that folder is a scratch folder, deleted afterwards; with it the whole export stays
/// there (the demo's <c>phantom/treatment</c>).
/// </summary>
public sealed class CmrTreatmentExport(CmrParameters? parameters = null, string? keepFolder = null) : ITreatmentExport
{
    private readonly CmrParameters _parameters = parameters ?? CmrParameters.Default;

    public async Task<TreatmentExportResult> ExportAsync(ProcedureState state, IReadOnlyList<ProcedureEvent> events, byte[] meshBlob, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (state.Target is not { } target)
        {
            return TreatmentExportResult.Nothing;
        }
        var inputs = await CmrStudyInputs.LoadAsync(state, events, blobs, cancellationToken);
        var (cine, lge, study) = (inputs.Cine, inputs.Lge, inputs.Study);
        var segmentation = inputs.Contours is { } imported ? CmrAnalyzer.Imported(imported, Hashes.Of(cine)) : CmrAnalyzer.Segment(cine, Hashes.Of(cine), _parameters);
        var activation = CmrAnalyzer.ActivationOf(cine, Hashes.Of(cine), segmentation, _parameters.Tracking);
        var lgeHash = lge is null ? "" : Hashes.Of(lge);
        var automatic = CmrAnalyzer.Complete(segmentation, lge is null ? null : CmrAnalyzer.ScarOf(lge, lgeHash, segmentation, _parameters.Scar, []), activation, _parameters.Targets);
        var rebuilt = BlobStore.HashOf(MeshBlob.From(automatic.Mesh.Value).ToBytes());
        if (rebuilt != BlobStore.HashOf(meshBlob))
        {
            throw new ComputationProblem("analysis-not-reproducible", $"the CMR analysis run again gives mesh {rebuilt[..12]}..., the ledger holds {BlobStore.HashOf(meshBlob)[..12]}... (other parameters or version?): analyse the study again", study.StudyId);
        }
        var analysis = automatic;
        IncludedScarEdit? included = null;
        if (lge is not null && ScarEditing.LatestEdit(events) is { } edit)
        {
            var (edits, replayed) = await ScarEditing.ReplayAsync(edit, blobs, cancellationToken);
            analysis = CmrAnalyzer.Complete(segmentation, CmrAnalyzer.ScarOf(lge, lgeHash, segmentation, _parameters.Scar, edits), activation, state.Proposal?.Parameters ?? _parameters.Targets);
            if (!CmrCommands.ScarValues(analysis).Transmurality.Equals(edit.Transmurality))
            {
                throw new ComputationProblem("scar-edit-not-reproducible",
                    $"the scar edit of {edit.OccurredAt:yyyy-MM-dd HH:mm} replayed on the automatic scar gives other per-segment transmurality than it records (entered by hand?): record the edit with its edits file ({ScarEditsFile.Format}); no treatment files were exported", study.StudyId);
            }
            included = replayed;
        }
        var scar = analysis.Scar is { } s ? new ExportedScar(s.Value.Parameters.ThresholdFraction, CmrCommands.ScarValues(analysis).Burden, included) : null;
        var request = new TreatmentRequest(analysis, cine, lge, new DicomStudy(new DicomPatient(PatientIdOf(inputs.Files)), study.StudyInstanceUid), target.PrimaryTarget, [.. target.TargetArea],
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
            return new TreatmentExportResult(files, scar);
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
