using CartLedger.Imaging.Dicom.Isolation;

namespace CartLedger.Imaging;

/// <summary>
/// CartLedger.Imaging is a library that is also its own DICOM decoding child process (see
/// <see cref="DicomDecodeSandbox"/>): referencing projects get its runtimeconfig beside their own output, so
/// <c>dotnet exec CartLedger.Imaging.dll --cartledger-dicom-decode-worker</c> runs wherever the library runs.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is [DicomDecodeWorker.Argument])
        {
            return DicomDecodeWorker.Run();
        }
        Console.Error.WriteLine($"CartLedger.Imaging is a library; run with {DicomDecodeWorker.Argument} to serve DICOM decoding requests on stdin/stdout.");
        return 2;
    }
}
