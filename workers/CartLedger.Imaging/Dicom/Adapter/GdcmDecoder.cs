namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>
/// Reads one file with GDCM: attributes always, pixels when asked. Runs in whichever process the caller chose
/// (see DicomDecodeSandbox): GDCM's native code can abort the process on hostile bytes,
/// which no managed handler can catch, so untrusted files are decoded in a child process.
/// </summary>
internal static class GdcmDecoder
{
    static GdcmDecoder()
    {
        // GDCM writes warnings and errors to stderr; we report our own clear reasons instead.
        gdcm.Trace.WarningOff();
        gdcm.Trace.ErrorOff();
        gdcm.Trace.DebugOff();
    }

    public static DecodedFile Decode(string path, bool decodePixels, long maxDecodedBytes)
    {
        using var imageReader = new gdcm.ImageReader();
        imageReader.SetFileName(path);
        if (imageReader.Read())
        {
            using var file = imageReader.GetFile();
            var attributes = GdcmAttributeReader.Read(file);
            var syntax = TransferSyntaxOf(file);
            if (!decodePixels)
            {
                return new DecodedFile(path, syntax, attributes, null, null, null);
            }
            try
            {
                using var image = imageReader.GetImage();
                return new DecodedFile(path, syntax, attributes, GdcmPixelDecoder.Decode(image, maxDecodedBytes), null, null);
            }
            catch (InvalidDataException e)
            {
                return new DecodedFile(path, syntax, attributes, null, e.Message, null);
            }
        }
        // Not an image GDCM understands: read the attributes alone (SR, RT plan, DICOMDIR, or broken pixels).
        using var reader = new gdcm.Reader();
        reader.SetFileName(path);
        if (!reader.Read())
        {
            return new DecodedFile(path, null, null, null, null, "GDCM cannot parse the file as DICOM");
        }
        using var plain = reader.GetFile();
        var plainAttributes = GdcmAttributeReader.Read(plain);
        var pixelError = plainAttributes.Has(DicomTags.PixelData) || plainAttributes.Has(DicomTags.FloatPixelData) || plainAttributes.Has(DicomTags.DoubleFloatPixelData)
            ? "GDCM cannot interpret the pixel data (unsupported or inconsistent image attributes)"
            : null;
        return new DecodedFile(path, TransferSyntaxOf(plain), plainAttributes, null, pixelError, null);
    }

    /// <summary>The attributes before the pixel data only, for a file whose pixel data is known to be broken.</summary>
    public static DecodedFile ReadHeader(string path, string pixelError)
    {
        using var reader = new gdcm.Reader();
        reader.SetFileName(path);
        using var pixelData = new gdcm.Tag(DicomTags.PixelData.Group, DicomTags.FloatPixelData.Element);
        if (!reader.ReadUpToTag(pixelData))
        {
            return new DecodedFile(path, null, null, null, null, pixelError);
        }
        using var file = reader.GetFile();
        return new DecodedFile(path, TransferSyntaxOf(file), GdcmAttributeReader.Read(file), null, pixelError, null);
    }

    private static string? TransferSyntaxOf(gdcm.File file)
    {
        using var header = file.GetHeader();
        using var syntax = header.GetDataSetTransferSyntax();
        return syntax.IsValid() ? syntax.GetString()?.TrimEnd('\0', ' ') : null;
    }
}
