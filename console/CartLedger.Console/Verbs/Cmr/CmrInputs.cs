using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>
/// The CMR (and CT) stacks of a DICOM folder: the cine is the MR stack with most phases, the LGE a single-phase MR stack.
/// Warnings name the series of the folder that were rejected (a file and the reason): an LGE rejected there is missing from the analysis.
/// </summary>
public sealed record CmrInputs(string Folder, CineStack Cine, CineStack? Lge, StackContent? Ct, DicomStudy Study, DicomStudy? CtStudy, DateTime? StudyDateTime, IReadOnlyList<string> Warnings)
{
    public static CmrInputs Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandFailedException($"{folder}: no such folder");
        }
        var import = DicomFolderReader.Read(folder);
        var stacks = import.Loaded.Where(s => s.Content is StackContent).Select(s => (Series: s, Stack: (StackContent)s.Content)).ToList();
        var mr = stacks.Where(s => s.Series.Modality == "MR").ToList();
        if (mr.Count == 0)
        {
            var rejected = import.Rejected.Select(r => $"{r.Modality} series rejected: {r.Reasons.FirstOrDefault()}").FirstOrDefault();
            throw new CommandFailedException($"{folder}: no MR short-axis stack found ({import.Series.Count} series, {import.FileErrors.Count} other files{(rejected is null ? "" : "; " + rejected)})");
        }
        var cine = mr.OrderByDescending(s => s.Stack.Stack.PhaseCount).ThenByDescending(s => s.Stack.Stack.Slices.Count).ThenBy(s => s.Series.SeriesInstanceUid, StringComparer.Ordinal).First();
        if (cine.Stack.Stack.PhaseCount < 2)
        {
            throw new CommandFailedException($"{folder}: cine-missing-phases: the MR stacks have one phase each (TriggerTime/CardiacNumberOfImages): no cine to segment");
        }
        var lge = mr.Where(s => s != cine && s.Stack.Stack.PhaseCount == 1).OrderByDescending(s => s.Series.Description.Contains("LGE", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(s => s.Stack.Stack.Slices.Count).Select(s => s.Stack.Stack).FirstOrDefault();
        var ct = stacks.Where(s => s.Series.Modality == "CT").OrderByDescending(s => s.Stack.Stack.Slices.Count).Select(s => s.Stack).FirstOrDefault();
        var header = HeaderOf(import, cine.Series);
        var warnings = import.Rejected.Select(r => $"{r.Modality} series \"{r.Description}\" rejected: {r.Reasons.FirstOrDefault()?.ToString() ?? "no reason given"}").ToList();
        return new CmrInputs(folder, cine.Stack.Stack, lge, ct, StudyOf(header, cine.Series.SeriesInstanceUid), ct is null ? null : StudyOf(HeaderOf(import, stacks.First(s => s.Stack == ct).Series), "ct"), DateOf(header), warnings);
    }

    private static DicomHeader? HeaderOf(DicomFolderImport import, LoadedSeries series) =>
        import.Files.Select(f => f.Header).OfType<DicomHeader>().FirstOrDefault(h => h.Path == series.Files[0] || Path.GetFullPath(h.Path) == Path.GetFullPath(series.Files[0]));

    /// <summary>The study of the images (pseudonymous ID only: names are never copied); a derived study UID when absent.</summary>
    private static DicomStudy StudyOf(DicomHeader? header, string fallback) => new(
        new DicomPatient(Clean(header?.Attributes.Text(DicomTags.PatientID)) is { Length: > 0 } id ? id : "ANONYMOUS"),
        header?.StudyInstanceUid ?? DicomUid.FromParts("cartledger cmr", fallback, "study"));

    private static string Clean(string? text) => new((text ?? "").Trim().Where(c => c is >= ' ' and <= '~' && c != '\\').Take(64).ToArray());

    private static DateTime? DateOf(DicomHeader? header)
    {
        var date = header?.Attributes.Text(DicomTags.StudyDate)?.Trim();
        return date is { Length: 8 } && DateTime.TryParseExact(date, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }
}
