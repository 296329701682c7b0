namespace CartLedger.Imaging.Dicom.Adapter;

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
/// <see cref="ReadError"/>), and the decoded pixels or why they could not be decoded.
/// </summary>
internal sealed record DecodedFile(string Path, string? TransferSyntaxUid, DicomAttributes? Attributes, DecodedPixels? Pixels, string? PixelError, string? ReadError);
