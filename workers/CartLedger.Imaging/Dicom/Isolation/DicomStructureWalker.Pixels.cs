using System.Globalization;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>What the walk remembers about the image, and the checks on its pixel data.</summary>
internal sealed partial class DicomStructureWalker
{
    private Complaint? CheckPixels(long maxDecodedBytes)
    {
        if (_pixelDataLength == -2)
        {
            return null;
        }
        long rows = Value(DicomTags.Rows), columns = Value(DicomTags.Columns), bits = Value(DicomTags.BitsAllocated);
        long samples = Math.Max(1, Value(DicomTags.SamplesPerPixel)), frames = Math.Max(1, Value(DicomTags.NumberOfFrames));
        if (rows <= 0 || columns <= 0 || bits <= 0)
        {
            return null; // GDCM reports missing image attributes itself
        }
        if (UnsupportedSyntaxes.Contains(_syntax))
        {
            return new Complaint(DicomTags.TransferSyntaxUID, $"{TransferSyntaxes.NameOf(_syntax)} ({_syntax}) is not decoded by GDCM 3.0");
        }
        if (bits > 64)
        {
            return new Complaint(DicomTags.BitsAllocated, $"{bits} bits per sample is not a valid value");
        }
        if (bits == 1 && _pixelDataLength == -1)
        {
            return new Complaint(DicomTags.BitsAllocated, $"1-bit pixels in an encapsulated transfer syntax ({TransferSyntaxes.NameOf(_syntax)}) are not supported (GDCM aborts on them)");
        }
        // Native YBR_FULL_422 stores two chroma samples per two pixels: 2 samples per pixel on average.
        var storedSamples = samples == 3 && _photometric == "YBR_FULL_422" ? 2 : samples;
        var bitCount = rows * columns * frames * storedSamples * bits;
        var decodedBytes = (bitCount + 7) / 8;
        var fullBytes = (rows * columns * frames * samples * bits + 7) / 8;
        if (fullBytes > maxDecodedBytes)
        {
            return new Complaint(DicomTags.PixelData, $"{rows}x{columns}x{frames} frames x {samples} samples x {bits} bits would decode to {fullBytes} bytes, above the limit of {maxDecodedBytes}");
        }
        if (_pixelDataLength >= 0 && _pixelDataLength < decodedBytes)
        {
            return new Complaint(DicomTags.PixelData, $"holds {_pixelDataLength} bytes but {rows} rows x {columns} columns x {frames} frames x {samples} samples x {bits} bits{(_photometric == "YBR_FULL_422" ? " (4:2:2)" : "")} need {decodedBytes}");
        }
        return null;
    }

    private void Remember(DicomTag tag, string vr, long valueStart, long valueLength)
    {
        if (tag == DicomTags.PixelData)
        {
            _pixelDataLength = valueLength;
        }
        else if ((tag == DicomTags.Rows || tag == DicomTags.Columns || tag == DicomTags.BitsAllocated || tag == DicomTags.SamplesPerPixel) && valueLength >= 2)
        {
            _imageValues[tag] = U16(valueStart);
        }
        else if (tag == DicomTags.PhotometricInterpretation && valueLength is > 0 and <= 16)
        {
            _photometric = Ascii(valueStart, (int)valueLength).Trim('\0', ' ');
        }
        else if (tag == DicomTags.NumberOfFrames && valueLength is > 0 and <= 12 && vr is "IS" or "")
        {
            _imageValues[tag] = long.TryParse(Ascii(valueStart, (int)valueLength).Trim('\0', ' '), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
        }
    }

    private long Value(DicomTag tag) => _imageValues.GetValueOrDefault(tag);
}
