using System.Runtime.InteropServices;
using CartLedger.Imaging.Dicom.Adapter;
using Microsoft.Win32.SafeHandles;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// The child side of <see cref="DicomDecodeSandbox"/>: reads requests (path, mode, limits) from standard input
/// and answers each with one <see cref="DecodedFileCodec"/> record. If GDCM aborts or hangs on a file, only
/// this process dies; the parent reports the file and starts a fresh child for the next one.
/// </summary>
internal static partial class DicomDecodeWorker
{
    public const string Argument = "--cartledger-dicom-decode-worker";

    public static int Run()
    {
        // Our records go to a private copy of stdout; fd 1 itself now points at stderr, so anything native code
        // prints can never corrupt the protocol.
        var protocol = Dup(1);
        if (protocol < 0 || Dup2(2, 1) < 0)
        {
            return 3;
        }
        using var output = new FileStream(new SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, bufferSize: 1 << 16);
        using var writer = new BinaryWriter(output);
        using var input = new BinaryReader(Console.OpenStandardInput());
        while (true)
        {
            DecodeRequest request;
            try
            {
                request = DecodeRequest.Read(input);
            }
            catch (EndOfStreamException)
            {
                return 0;
            }
            DecodedFileCodec.Write(writer, DecodeInProcess(request));
        }
    }

    /// <summary>The decode itself: the managed structure check first, then GDCM. Also used for trusted files in-process.</summary>
    public static DecodedFile DecodeInProcess(DecodeRequest request)
    {
        try
        {
            if (DicomStructureCheck.Check(request.Path, request.MaxFileBytes, request.MaxDecodedBytes) is { } finding)
            {
                // Broken pixels behind a sound header still say which series the file belongs to, so that series
                // can be rejected as a whole; GDCM reads only up to the pixel data.
                return finding.HeaderIntact
                    ? GdcmDecoder.ReadHeader(request.Path, finding.Message)
                    : new DecodedFile(request.Path, null, null, null, null, finding.Message);
            }
            return GdcmDecoder.Decode(request.Path, request.DecodePixels, request.MaxDecodedBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ApplicationException or OutOfMemoryException)
        {
            return new DecodedFile(request.Path, null, null, null, null, $"cannot read: {e.Message}");
        }
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int oldFd, int newFd);
}

/// <summary>One request to the decoder: which file, whether to decode pixels, and the size limits.</summary>
internal sealed record DecodeRequest(string Path, bool DecodePixels, long MaxFileBytes, long MaxDecodedBytes)
{
    public void Write(BinaryWriter writer)
    {
        writer.Write(Path);
        writer.Write(DecodePixels);
        writer.Write(MaxFileBytes);
        writer.Write(MaxDecodedBytes);
        writer.Flush();
    }

    public static DecodeRequest Read(BinaryReader reader) => new(reader.ReadString(), reader.ReadBoolean(), reader.ReadInt64(), reader.ReadInt64());
}
