namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>How much of a file to decode.</summary>
internal enum DecodeMode : byte
{
    /// <summary>Attributes only.</summary>
    Header,

    /// <summary>Decode the pixels to prove they decode, but return only their shape (for inspecting).</summary>
    Verify,

    /// <summary>Attributes and all pixel values.</summary>
    Pixels,
}

/// <summary>
/// Pixel values of all frames as stored (before rescale), frame after frame, samples interleaved (RGB), in the
/// photometric interpretation GDCM produced (JPEG YBR comes back as RGB, palette colour as RGB).
/// </summary>
internal sealed record DecodedPixels(int Columns, int Rows, int Frames, int Samples, string PhotometricInterpretation, float[] Values)
{
    public int FrameLength => Columns * Rows * Samples;
}

/// <summary>
/// What the adapter read from one file: the attributes (null when the file is not readable DICOM, with
/// <see cref="ReadError"/>), and the decoded pixels or why they could not be decoded. <see cref="ErrorTag"/> names the
/// attribute to blame for either error, when one is.
/// </summary>
internal sealed record DecodedFile(string Path, string? TransferSyntaxUid, DicomAttributes? Attributes, DecodedPixels? Pixels, string? PixelError, string? ReadError, DicomTag? ErrorTag = null)
{
    /// <summary>The error as a problem naming the file and the attribute.</summary>
    public DicomProblem? Problem(string path) =>
        ReadError is { } read ? new DicomProblem(path, ErrorTag, read)
        : PixelError is { } pixel ? new DicomProblem(path, ErrorTag ?? DicomTags.PixelData, pixel)
        : null;
}
