namespace CartLedger.Imaging.Dicom;

/// <summary>Readable names of transfer syntaxes (PS3.5 Annex A, PS3.6 Annex A).</summary>
public static class TransferSyntaxes
{
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["1.2.840.10008.1.2"] = "Implicit VR Little Endian",
        [ExplicitVrLittleEndian] = "Explicit VR Little Endian",
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Explicit VR Big Endian",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline (8-bit)",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended (12-bit)",
        ["1.2.840.10008.1.2.4.53"] = "JPEG Spectral Selection (retired)",
        ["1.2.840.10008.1.2.4.55"] = "JPEG Full Progression (retired)",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless SV1",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Near-lossless",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 Lossless",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000",
        ["1.2.840.10008.1.2.4.92"] = "JPEG 2000 Part 2 Lossless",
        ["1.2.840.10008.1.2.4.93"] = "JPEG 2000 Part 2",
        ["1.2.840.10008.1.2.4.100"] = "MPEG2 Main Profile",
        ["1.2.840.10008.1.2.4.102"] = "MPEG-4 AVC/H.264",
        ["1.2.840.10008.1.2.4.201"] = "HTJ2K Lossless",
        ["1.2.840.10008.1.2.4.202"] = "HTJ2K Lossless RPCL",
        ["1.2.840.10008.1.2.4.203"] = "HTJ2K",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
    };

    public static string NameOf(string? uid) => uid is null ? "(unknown)" : Names.TryGetValue(uid, out var name) ? name : uid;
}
