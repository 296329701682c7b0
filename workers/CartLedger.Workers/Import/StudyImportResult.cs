namespace CartLedger.Workers.Import;

/// <summary>What one study of the folder became: the events appended (empty when it had been imported before) and where.</summary>
public sealed record ImportedStudy(string StudyInstanceUid, Guid? StudyId, Guid? AcquisitionId, IReadOnlyList<string> EventTypes, int FileCount, long StreamVersion, bool AlreadyImported);

/// <summary>The import of one folder: per study, and the files or series left out (not DICOM, no image data, no use here).</summary>
public sealed record StudyImportResult(Guid ProcedureId, IReadOnlyList<ImportedStudy> Studies, IReadOnlyList<string> Skipped)
{
    public int NewEventCount => Studies.Sum(s => s.EventTypes.Count);
}

/// <summary>
/// The folder cannot be imported: each reason names the series and the file (and the DICOM attribute where one is to
/// blame). Nothing was written.
/// </summary>
public sealed class StudyImportRejectedException(IReadOnlyList<string> reasons)
    : Exception($"import refused, nothing written: {string.Join("; ", reasons)}")
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
