using CartLedger.Domain.Procedures;

namespace CartLedger.Workers.Cmr;

/// <summary>One written treatment file: what it holds, its DICOM identity and bytes (stored as a blob with the event).</summary>
public sealed record TreatmentFile(TreatmentFileKind Kind, string SopInstanceUid, byte[] Bytes);

/// <summary>
/// SEAM: writes the DICOM treatment files for the cath lab once a target is chosen (the cmr branch's
/// <c>TreatmentExport</c> in CartLedger.Cmr). The CMR worker calls it on TargetChosen and appends
/// TreatmentFilesExported with the files as blobs. Until the export lands on main the host runs
/// <see cref="NoTreatmentExport"/>, which writes nothing (the job completes without a result).
/// </summary>
public interface ITreatmentExport
{
    /// <summary>The files for <paramref name="state"/> (its mesh, scar, targets and chosen target); empty when there is nothing to export.</summary>
    Task<IReadOnlyList<TreatmentFile>> ExportAsync(ProcedureState state, byte[] meshBlob, CancellationToken cancellationToken);
}

/// <summary>The placeholder until the treatment export is wired: no files.</summary>
public sealed class NoTreatmentExport : ITreatmentExport
{
    public Task<IReadOnlyList<TreatmentFile>> ExportAsync(ProcedureState state, byte[] meshBlob, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TreatmentFile>>([]);
}
