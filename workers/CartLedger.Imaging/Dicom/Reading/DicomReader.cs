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
    public static IReadOnlyList<DicomFileResult> ReadFiles(IEnumerable<string> paths, DicomReadOptions? options = null) =>
        Decode(paths, options ?? DicomReadOptions.Default, DecodeMode.Pixels).Select(d => ToResult(d.Path, d.File, d.Elapsed)).ToList();

    /// <summary>Decodes files one after the other, sandboxed or not as the options say; the paths are kept as given.</summary>
    internal static IEnumerable<(string Path, DecodedFile File, TimeSpan Elapsed)> Decode(IEnumerable<string> paths, DicomReadOptions options, DecodeMode mode)
    {
        var sandbox = options.Isolation == DicomIsolation.ChildProcess ? DicomSandboxPool.Rent() : null;
        try
        {
            foreach (var path in paths)
            {
                var watch = Stopwatch.StartNew();
                var request = new DecodeRequest(Path.GetFullPath(path), mode, options.MaxFileBytes, options.MaxDecodedBytes);
                var decoded = sandbox is null ? DicomDecodeWorker.DecodeInProcess(request) : sandbox.Decode(request, options.TimeoutPerFile);
                yield return (path, decoded, watch.Elapsed);
            }
        }
        finally
        {
            if (sandbox is not null)
            {
                DicomSandboxPool.Return(sandbox);
            }
        }
    }

    private static DicomFileResult ToResult(string path, DecodedFile decoded, TimeSpan elapsed)
    {
        if (decoded.Attributes is null)
        {
            return new DicomFileResult(path, null, null, decoded.Problem(path) ?? new DicomProblem(path, null, "not readable"), elapsed);
        }
        var header = new DicomHeader(path, decoded.TransferSyntaxUid, decoded.Attributes);
        if (decoded.Pixels is { } pixels)
        {
            return new DicomFileResult(path, header, DicomImageBuilder.Build(header, pixels), null, elapsed);
        }
        var problem = decoded.Problem(path)
            ?? (header.HasPixelData ? new DicomProblem(path, DicomTags.PixelData, "pixels were not decoded")
            : null);
        return new DicomFileResult(path, header, null, problem, elapsed);
    }
}
