namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Reads a folder recursively (mixed series welcome): every file is decoded (sandboxed), grouped by
/// SeriesInstanceUID, and each series is assembled or rejected as a whole; a bad series never stops the others.
/// </summary>
public static class DicomFolderReader
{
    public static DicomFolderImport Read(string folder, DicomReadOptions? options = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no such folder: {folder}");
        }
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        }).Order(StringComparer.Ordinal).ToList();
        return Assemble(DicomReader.ReadFiles(files, options));
    }

    /// <summary>Groups already-read files into series outcomes.</summary>
    public static DicomFolderImport Assemble(IReadOnlyList<DicomFileResult> results)
    {
        var fileErrors = new List<DicomProblem>();
        var bySeries = new SortedDictionary<string, List<DicomFileResult>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result.Header is not { } header)
            {
                fileErrors.Add(result.Problem ?? new DicomProblem(result.Path, null, "not readable"));
                continue;
            }
            if (!header.HasPixelData && result.Problem is null)
            {
                fileErrors.Add(new DicomProblem(result.Path, DicomTags.PixelData, $"no image data ({SopClasses.NameOf(header.SopClassUid)}): skipped"));
                continue;
            }
            if (header.SeriesInstanceUid is not { } series)
            {
                fileErrors.Add(new DicomProblem(result.Path, DicomTags.SeriesInstanceUID, "missing: the image belongs to no series"));
                continue;
            }
            if (!bySeries.TryGetValue(series, out var list))
            {
                bySeries[series] = list = [];
            }
            list.Add(result);
        }
        var outcomes = bySeries.Select(pair => SeriesAssembler.Assemble(pair.Key, pair.Value)).ToList();
        return new DicomFolderImport(outcomes, fileErrors, results);
    }
}
