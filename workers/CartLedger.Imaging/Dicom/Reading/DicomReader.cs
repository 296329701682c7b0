using System.Diagnostics;
using CartLedger.Imaging.Dicom.Adapter;
using CartLedger.Imaging.Dicom.Isolation;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Reads DICOM files through GDCM (any transfer syntax its codecs decode), by default in a sandboxed child
/// process with a time limit per file (<see cref="DicomReadOptions"/>). Single files come back as
/// <see cref="DicomFileResult"/>; folders as per-series outcomes (<see cref="DicomFolderImport"/>).
/// </summary>
public static class DicomReader
{
    /// <summary>Reads one file; never throws for bad bytes (see <see cref="DicomFileResult.Problem"/>).</summary>
    public static DicomFileResult ReadFile(string path, DicomReadOptions? options = null) => ReadFiles([path], options)[0];

    /// <summary>Reads a decoded image or throws <see cref="DicomReadException"/> naming the file and the reason.</summary>
    public static DicomImage ReadImage(string path, DicomReadOptions? options = null)
    {
        var result = ReadFile(path, options);
        return result.Image ?? throw new DicomReadException(result.Problem ?? new DicomProblem(path, DicomTags.PixelData, "no pixel data"));
    }

    /// <summary>Reads many files in order, through one child process (restarted after a crash).</summary>
    public static IReadOnlyList<DicomFileResult> ReadFiles(IEnumerable<string> paths, DicomReadOptions? options = null, bool decodePixels = true)
    {
        options ??= DicomReadOptions.Default;
        using var sandbox = options.Isolation == DicomIsolation.ChildProcess ? new DicomDecodeSandbox(options.TimeoutPerFile) : null;
        var results = new List<DicomFileResult>();
        foreach (var path in paths)
        {
            var watch = Stopwatch.StartNew();
            var request = new DecodeRequest(Path.GetFullPath(path), decodePixels, options.MaxFileBytes, options.MaxDecodedBytes);
            var decoded = sandbox is null ? DicomDecodeWorker.DecodeInProcess(request) : sandbox.Decode(request);
            results.Add(ToResult(path, decoded, decodePixels, watch.Elapsed));
        }
        return results;
    }

    private static DicomFileResult ToResult(string path, DecodedFile decoded, bool decodePixels, TimeSpan elapsed)
    {
        if (decoded.Attributes is null)
        {
            return new DicomFileResult(path, null, null, new DicomProblem(path, null, decoded.ReadError ?? "not readable"), elapsed);
        }
        var header = new DicomHeader(path, decoded.TransferSyntaxUid, decoded.Attributes);
        if (decoded.Pixels is { } pixels)
        {
            return new DicomFileResult(path, header, DicomImageBuilder.Build(header, pixels), null, elapsed);
        }
        var problem = decoded.PixelError is { } error ? new DicomProblem(path, DicomTags.PixelData, error)
            : decodePixels && header.HasPixelData ? new DicomProblem(path, DicomTags.PixelData, "pixels were not decoded")
            : null;
        return new DicomFileResult(path, header, null, problem, elapsed);
    }
}
