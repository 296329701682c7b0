using CartLedger.Domain.Procedures;
using CartLedger.Ledger.Blobs;

namespace CartLedger.Workers.Cmr;

/// <summary>One written treatment file: what it holds, its DICOM identity and bytes (stored as a blob with the event).</summary>
public sealed record TreatmentFile(TreatmentFileKind Kind, string SopInstanceUid, byte[] Bytes);

/// <summary>
/// Writes the DICOM treatment files for the cath lab once a target is chosen. The CMR worker calls it on TargetChosen
/// and appends TreatmentFilesExported with the files as blobs. The host runs <see cref="CmrTreatmentExport"/> (the
/// CMR library's <c>TreatmentExport</c>) unless told otherwise; <see cref="NoTreatmentExport"/> writes nothing.
/// </summary>
public interface ITreatmentExport
{
    /// <summary>
    /// The files for <paramref name="state"/> (its mesh, scar as edited, targets and chosen target; <paramref name="events"/> is the
    /// procedure's stream, for the edits) and the scar they show; no files when there is nothing to export.
    /// </summary>
    Task<TreatmentExportResult> ExportAsync(ProcedureState state, IReadOnlyList<ProcedureEvent> events, byte[] meshBlob, BlobStore blobs, CancellationToken cancellationToken);
}

/// <summary>The written DICOM files and the scar they show (null without LGE).</summary>
public sealed record TreatmentExportResult(IReadOnlyList<TreatmentFile> Files, ExportedScar? Scar)
{
    public static TreatmentExportResult Nothing { get; } = new([], null);
}

/// <summary>An export that writes nothing (the job completes without a result).</summary>
public sealed class NoTreatmentExport : ITreatmentExport
{
    public Task<TreatmentExportResult> ExportAsync(ProcedureState state, IReadOnlyList<ProcedureEvent> events, byte[] meshBlob, BlobStore blobs, CancellationToken cancellationToken) =>
        Task.FromResult(TreatmentExportResult.Nothing);
}
