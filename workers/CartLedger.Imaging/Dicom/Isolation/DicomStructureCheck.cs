
namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// A cheap managed walk over a file's element structure before any byte reaches GDCM: it reads element headers
/// only (seeking over values), so it costs microseconds per element. It rejects what is clearly broken or
/// known to abort GDCM, with a message naming the attribute: no DICOM at all, a value running past the end of
/// the file (truncation), sequences nested absurdly deep, native pixel data shorter than the image it
/// describes, decoded pixels above the size limit, 1-bit pixels in an encapsulated syntax. Anything it does not
/// understand it leaves to GDCM, which runs sandboxed anyway.
/// </summary>
internal static class DicomStructureCheck
{

    /// <summary>A structural problem; <paramref name="HeaderIntact"/> when everything before the pixel data is sound.</summary>
    internal sealed record Finding(Complaint Complaint, bool HeaderIntact);

    public static Finding? Check(string path, long maxFileBytes, long maxDecodedBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new Finding("no such file", false);
        }
        if (info.Length == 0)
        {
            return new Finding("empty file (0 bytes)", false);
        }
        if (info.Length > maxFileBytes)
        {
            return new Finding($"the file is {info.Length} bytes, above the limit of {maxFileBytes} bytes", false);
        }
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var walker = new DicomStructureWalker(handle, info.Length);
        var complaint = walker.Run(maxDecodedBytes);
        return complaint is null ? null : new Finding(complaint, walker.ReachedPixelData);
    }
}

/// <summary>A structural problem, naming the attribute when one is to blame.</summary>
internal sealed record Complaint(DicomTag? Tag, string Message)
{
    public static implicit operator Complaint(string message) => new(null, message);

    public override string ToString() => Tag is { } tag ? $"{tag}: {Message}" : Message;
}
