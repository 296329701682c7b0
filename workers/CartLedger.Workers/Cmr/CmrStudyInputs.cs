using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// The CMR study the worker segmented, read back from the ledger's blobs: the study, its cine and LGE stacks, the files,
/// and the imported contours when the recorded segmentation came from a contour import (null: automatic).
/// </summary>
public sealed record CmrStudyInputs(StudyImported Study, CineStack Cine, CineStack? Lge, DicomFolderImport Files, CineSegmentation? Contours)
{
    /// <summary>
    /// The study whose cine the recorded segmentation names (<c>myocardium_segmented.CineSeriesUid</c>), with the contours of
    /// the latest <c>contours_adjusted</c> when the segmentation was imported; or a <see cref="ComputationProblem"/> saying what is missing.
    /// </summary>
    public static async Task<CmrStudyInputs> LoadAsync(ProcedureState state, IEnumerable<ProcedureEvent> events, BlobStore blobs, CancellationToken cancellationToken)
    {
        var myocardium = state.Myocardium ?? throw new ComputationProblem("analysis-missing", "no myocardium was segmented by the worker (entered values?): nothing to compute from; import the CMR study");
        var study = state.Studies.LastOrDefault(s => s.Modality == Modality.Cmr && s.Series.Any(x => x.SeriesInstanceUid == myocardium.CineSeriesUid))
            ?? throw new ComputationProblem("files-missing", $"the segmented cine series {myocardium.CineSeriesUid} is in no imported CMR study: import the DICOM folder", myocardium.StudyId);
        var (cine, lge, read) = await StacksAsync(study, myocardium.CineSeriesUid, blobs, cancellationToken);
        CineSegmentation? contours = null;
        if (myocardium.Algorithm.Name == ContourImport.AlgorithmName)
        {
            var adjusted = events.OfType<ContoursAdjusted>().LastOrDefault()
                ?? throw new ComputationProblem("contours-missing", "the segmentation was imported but no contours_adjusted holds its contours", study.StudyId);
            contours = await ContourImport.ReadAsync(adjusted.ContoursSha256, cine, blobs, cancellationToken);
        }
        return new CmrStudyInputs(study, cine, lge, read, contours);
    }

    /// <summary>The cine series <paramref name="cineSeriesUid"/> and the LGE of <paramref name="study"/>, read back from the blobs.</summary>
    public static async Task<(CineStack Cine, CineStack? Lge, DicomFolderImport Files)> StacksAsync(StudyImported study, string cineSeriesUid, BlobStore blobs, CancellationToken cancellationToken)
    {
        var cineSeries = study.Series.First(s => s.SeriesInstanceUid == cineSeriesUid);
        var lgeSeries = study.Series.FirstOrDefault(s => s.Kind == SeriesKind.Lge);
        var read = await StudyFiles.ReadAsync(blobs, cineSeries.BlobSha256.Concat(lgeSeries?.BlobSha256 ?? []), cancellationToken);
        return (CmrAnalysisHandler.StackOf(read, cineSeries), lgeSeries is null ? null : CmrAnalysisHandler.StackOf(read, lgeSeries), read);
    }
}
