using System.Globalization;
using CartLedger.Imaging.Dicom.Adapter;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// What `cartledger dicom inspect` reports for one file. <c>Readable</c>: the file parsed as DICOM and its
/// pixels (if any) decoded; otherwise <c>Error</c> says why in one line, naming the attribute where one is to
/// blame. <c>Geometry</c> summarises the image plane or C-arm view, or says why there is none.
/// </summary>
public sealed record InspectedFile(
    string Path,
    bool Readable,
    string? Error,
    string? Modality,
    string? SopClassUid,
    string? SopClassName,
    string? TransferSyntaxUid,
    string? TransferSyntaxName,
    int Columns,
    int Rows,
    int Frames,
    int SamplesPerPixel,
    string? PhotometricInterpretation,
    string? Geometry,
    bool HasPixelData,
    bool PixelsDecoded,
    double ElapsedMs);

/// <summary>
/// Inspects files without keeping their pixels: each is decoded in the sandbox (bounded in time and memory)
/// to prove its pixels decode, and summarised. Folders are walked recursively, files in ordinal order.
/// </summary>
public static class DicomInspection
{
    public static IEnumerable<InspectedFile> Inspect(IEnumerable<string> pathsOrFolders, DicomReadOptions? options = null)
    {
        var files = pathsOrFolders.SelectMany(Expand);
        foreach (var (path, decoded, elapsed) in DicomReader.Decode(files, options ?? DicomReadOptions.Default, DecodeMode.Verify))
        {
            yield return Summarise(path, decoded, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>A folder's files (recursively, ordinal order), or the path itself.</summary>
    public static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal)
        : [path];

    private static InspectedFile Summarise(string path, DecodedFile decoded, double elapsedMs)
    {
        if (decoded.Attributes is null)
        {
            return new InspectedFile(path, false, Line(decoded.Problem(path)) ?? "not readable", null, null, null, null, null, 0, 0, 0, 0, null, null, false, false, elapsedMs);
        }
        var header = new DicomHeader(path, decoded.TransferSyntaxUid, decoded.Attributes);
        var pixels = decoded.Pixels;
        var error = Line(decoded.Problem(path));
        return new InspectedFile(
            path,
            error is null,
            error,
            header.Modality,
            header.SopClassUid,
            SopClasses.NameOf(header.SopClassUid),
            header.TransferSyntaxUid,
            TransferSyntaxes.NameOf(header.TransferSyntaxUid),
            pixels?.Columns ?? header.Columns,
            pixels?.Rows ?? header.Rows,
            pixels?.Frames ?? (header.HasPixelData ? header.NumberOfFrames : 0),
            pixels?.Samples ?? header.SamplesPerPixel,
            header.HasPixelData ? header.PhotometricInterpretation : null,
            GeometrySummary(header),
            header.HasPixelData,
            pixels is not null,
            elapsedMs);
    }

    private static string GeometrySummary(DicomHeader header)
    {
        if (header.Modality is "XA" or "RF")
        {
            return DicomCArmReader.TryRead(header, out var c, out var cProblem)
                ? Invariant($"C-arm {(c.PrimaryAngleDeg >= 0 ? "LAO" : "RAO")} {Math.Abs(c.PrimaryAngleDeg):0.#} {(c.SecondaryAngleDeg >= 0 ? "CRA" : "CAU")} {Math.Abs(c.SecondaryAngleDeg):0.#}, SID {c.SourceToDetectorMm:0.#} mm, SOD {c.SourceToIsocenterMm:0.#} mm, detector pixel {c.DetectorPixelSpacingYMm:0.###}x{c.DetectorPixelSpacingXMm:0.###} mm")
                : $"no C-arm geometry: {cProblem.Tag}: {cProblem.Message}";
        }
        if (!header.Attributes.Has(DicomTags.ImagePositionPatient) && !header.HasFunctionalGroups)
        {
            return "no patient geometry";
        }
        if (!DicomPlaneReader.TryReadFramePlanes(header, out var planes, out var problem))
        {
            return $"no usable patient geometry: {problem.Tag}: {problem.Message}";
        }
        var p = planes[0];
        var normal = p.Normal;
        return Invariant($"origin {p.Origin} mm, row {p.XAxis}, column {p.YAxis}, normal {normal}, pixel {p.YSpacingMm:0.###}x{p.XSpacingMm:0.###} mm")
            + (planes.Count > 1 ? Invariant($", {planes.Count} frame planes") : "");
    }

    /// <summary>The problem without the file name (the report line starts with it).</summary>
    private static string? Line(DicomProblem? problem) => problem is null ? null : problem.Tag is { } tag ? $"{tag}: {problem.Message}" : problem.Message;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
