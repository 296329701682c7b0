using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

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
    private const int MaxDepth = 16;
    private const string ImplicitLittle = "1.2.840.10008.1.2";
    private const string ExplicitBig = "1.2.840.10008.1.2.2";
    private const string Deflated = "1.2.840.10008.1.2.1.99";
    private static readonly HashSet<string> LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    /// <summary>A structural problem; <paramref name="HeaderIntact"/> when everything before the pixel data is sound.</summary>
    internal sealed record Finding(string Message, bool HeaderIntact);

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
        var walker = new Walker(handle, info.Length);
        return walker.Run(maxDecodedBytes) is { } message ? new Finding(message, walker.ReachedPixelData) : null;
    }

    private sealed class Walker(SafeFileHandle handle, long length)
    {
        private readonly byte[] _scratch = new byte[16];
        private readonly Dictionary<DicomTag, long> _imageValues = [];
        private bool _explicit = true;
        private bool _bigEndian;
        private long _pixelDataLength = -2; // -2: absent, -1: encapsulated
        private string _syntax = "";

        /// <summary>The walk got as far as the top-level pixel data: the attributes before it are sound.</summary>
        public bool ReachedPixelData { get; private set; }

        public string? Run(long maxDecodedBytes)
        {
            long offset;
            if (length >= 132 && Ascii(128, 4) == "DICM")
            {
                offset = 132;
                var meta = WalkMeta(ref offset);
                if (meta is not null)
                {
                    return meta;
                }
            }
            else if (!LooksLikeDataSetStart(0))
            {
                return "not a DICOM file: no 'DICM' marker at byte 128 and no recognisable data set at the start";
            }
            else
            {
                offset = 0;
            }
            if (_syntax == Deflated)
            {
                return null; // the data set is a deflate stream: GDCM inflates it
            }
            _explicit = _syntax != ImplicitLittle && (_syntax.Length > 0 || LooksExplicit(offset));
            _bigEndian = _syntax == ExplicitBig;
            try
            {
                return WalkDataSet(ref offset, length, depth: 0, topLevel: true) ?? CheckPixels(maxDecodedBytes);
            }
            catch (StopWalking)
            {
                return null;
            }
        }

        private string? WalkMeta(ref long offset)
        {
            while (offset + 8 <= length)
            {
                var group = BinaryPrimitives.ReadUInt16LittleEndian(Read(offset, 2));
                if (group != 0x0002)
                {
                    return null;
                }
                var tag = new DicomTag(group, BinaryPrimitives.ReadUInt16LittleEndian(Read(offset + 2, 2)));
                var vr = Ascii(offset + 4, 2);
                var (headerLength, valueLength) = LongVrs.Contains(vr)
                    ? (12, (long)BinaryPrimitives.ReadUInt32LittleEndian(Read(offset + 8, 4)))
                    : (8, (long)BinaryPrimitives.ReadUInt16LittleEndian(Read(offset + 6, 2)));
                if (offset + headerLength + valueLength > length)
                {
                    return Truncated(tag, offset, valueLength);
                }
                if (tag == DicomTags.TransferSyntaxUID && valueLength is > 0 and <= 64)
                {
                    _syntax = Ascii(offset + headerLength, (int)valueLength).TrimEnd('\0', ' ');
                }
                offset += headerLength + valueLength;
            }
            return offset >= length ? "the file ends inside the file meta information: no data set" : null;
        }

        private string? WalkDataSet(ref long offset, long end, int depth, bool topLevel)
        {
            if (depth > MaxDepth)
            {
                return $"sequences are nested more than {MaxDepth} levels deep";
            }
            while (offset < end)
            {
                if (offset + 8 > length)
                {
                    return $"truncated: the file ends inside an element header at byte {offset}";
                }
                var tag = new DicomTag(U16(offset), U16(offset + 2));
                if (tag == ItemDelimiter)
                {
                    offset += 8;
                    return null;
                }
                if (tag == SequenceDelimiter || tag.Group == 0xFFFE)
                {
                    throw new StopWalking(); // a delimiter where none belongs: let GDCM judge
                }
                var (vr, headerLength, valueLength) = ElementHeader(offset, tag);
                ReachedPixelData |= topLevel && tag >= DicomTags.FloatPixelData;
                var valueStart = offset + headerLength;
                if (valueLength == Undefined)
                {
                    if (vr == "UN")
                    {
                        throw new StopWalking(); // an undefined-length UN holds implicit VR items: GDCM re-parses it
                    }
                    offset = valueStart;
                    var nested = tag == DicomTags.PixelData ? WalkFragments(ref offset, tag) : WalkItems(ref offset, long.MaxValue, depth, tag);
                    if (nested is not null)
                    {
                        return nested;
                    }
                    if (topLevel && tag == DicomTags.PixelData)
                    {
                        _pixelDataLength = -1;
                    }
                    continue;
                }
                if (valueStart + valueLength > end || valueStart + valueLength > length)
                {
                    return Truncated(tag, offset, valueLength);
                }
                if (vr == "SQ")
                {
                    var itemsOffset = valueStart;
                    var nested = WalkItems(ref itemsOffset, valueStart + valueLength, depth, tag);
                    if (nested is not null)
                    {
                        return nested;
                    }
                }
                else if (topLevel)
                {
                    Remember(tag, vr, valueStart, valueLength);
                }
                offset = valueStart + valueLength;
            }
            return null;
        }

        private string? WalkItems(ref long offset, long end, int depth, DicomTag sequence)
        {
            while (offset < end)
            {
                if (offset + 8 > length)
                {
                    return $"truncated: the file ends inside {sequence}";
                }
                var tag = new DicomTag(U16(offset), U16(offset + 2));
                var itemLength = U32(offset + 4);
                offset += 8;
                if (tag == SequenceDelimiter)
                {
                    return null;
                }
                if (tag != Item)
                {
                    throw new StopWalking(); // e.g. a UN value that is not a sequence
                }
                if (itemLength == Undefined)
                {
                    var nested = WalkDataSet(ref offset, long.MaxValue, depth + 1, topLevel: false);
                    if (nested is not null)
                    {
                        return nested;
                    }
                    continue;
                }
                if (offset + itemLength > length)
                {
                    return $"truncated: an item of {sequence} declares {itemLength} bytes at byte {offset - 8} but only {length - offset} remain";
                }
                var itemOffset = offset;
                var inner = WalkDataSet(ref itemOffset, offset + itemLength, depth + 1, topLevel: false);
                if (inner is not null)
                {
                    return inner;
                }
                offset += itemLength;
            }
            return end == long.MaxValue ? $"truncated: {sequence} has no sequence delimiter before the end of the file" : null;
        }

        private string? WalkFragments(ref long offset, DicomTag tag)
        {
            while (offset + 8 <= length)
            {
                var item = new DicomTag(U16(offset), U16(offset + 2));
                var fragmentLength = U32(offset + 4);
                offset += 8;
                if (item == SequenceDelimiter)
                {
                    return null;
                }
                if (item != Item || fragmentLength == Undefined)
                {
                    return $"{tag}: malformed encapsulated pixel data (expected an item at byte {offset - 8})";
                }
                if (offset + fragmentLength > length)
                {
                    return $"truncated: a {tag} fragment declares {fragmentLength} bytes at byte {offset - 8} but only {length - offset} remain";
                }
                offset += fragmentLength;
            }
            return $"truncated: {tag} has no sequence delimiter before the end of the file";
        }

        private string? CheckPixels(long maxDecodedBytes)
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
            if (bits > 64)
            {
                return $"{DicomTags.BitsAllocated}: {bits} bits per sample is not a valid value";
            }
            if (bits == 1 && _pixelDataLength == -1)
            {
                return $"{DicomTags.BitsAllocated}: 1-bit pixels in an encapsulated transfer syntax ({_syntax}) are not supported (GDCM aborts on them)";
            }
            var bitCount = rows * columns * frames * samples * bits;
            var decodedBytes = (bitCount + 7) / 8;
            if (decodedBytes > maxDecodedBytes)
            {
                return $"{DicomTags.PixelData}: {rows}x{columns}x{frames} frames x {samples} samples x {bits} bits would decode to {decodedBytes} bytes, above the limit of {maxDecodedBytes}";
            }
            if (_pixelDataLength >= 0 && _pixelDataLength < decodedBytes)
            {
                return $"{DicomTags.PixelData}: holds {_pixelDataLength} bytes but {rows} rows x {columns} columns x {frames} frames x {samples} samples x {bits} bits need {decodedBytes}";
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
            else if (tag == DicomTags.NumberOfFrames && valueLength is > 0 and <= 12 && vr is "IS" or "")
            {
                _imageValues[tag] = long.TryParse(Ascii(valueStart, (int)valueLength).Trim('\0', ' '), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
            }
        }

        private long Value(DicomTag tag) => _imageValues.GetValueOrDefault(tag);

        private (string Vr, int HeaderLength, long ValueLength) ElementHeader(long offset, DicomTag tag)
        {
            if (!_explicit)
            {
                var implicitLength = U32(offset + 4);
                var implicitVr = implicitLength == Undefined && tag != DicomTags.PixelData ? "SQ" : tag == DicomTags.PixelData ? "OW" : "";
                if (implicitVr == "" && DicomDictionary.KeywordOf(tag) is not null && DicomDictionary.VrOf(tag) == DicomVr.SQ)
                {
                    implicitVr = "SQ";
                }
                return (implicitVr, 8, implicitLength);
            }
            var vr = Ascii(offset + 4, 2);
            if (vr.Length != 2 || !char.IsAsciiLetterUpper(vr[0]) || !char.IsAsciiLetterUpper(vr[1]))
            {
                throw new StopWalking(); // not a VR: leave this file's oddities to GDCM
            }
            return LongVrs.Contains(vr) ? (vr, 12, U32(offset + 8)) : (vr, 8, U16(offset + 6));
        }

        private bool LooksLikeDataSetStart(long offset)
        {
            if (length < offset + 8)
            {
                return false;
            }
            var little = BinaryPrimitives.ReadUInt16LittleEndian(Read(offset, 2));
            var big = BinaryPrimitives.ReadUInt16BigEndian(Read(offset, 2));
            if (little is 0x0002 or 0x0008)
            {
                return true;
            }
            if (big is 0x0002 or 0x0008)
            {
                _bigEndian = true;
                _syntax = ExplicitBig;
                return true;
            }
            return false;
        }

        private bool LooksExplicit(long offset)
        {
            var vr = Ascii(offset + 4, 2);
            return vr.Length == 2 && char.IsAsciiLetterUpper(vr[0]) && char.IsAsciiLetterUpper(vr[1]);
        }

        private static string Truncated(DicomTag tag, long offset, long valueLength) =>
            $"truncated: {tag} at byte {offset} declares {valueLength} bytes of value but the file ends sooner";

        private ReadOnlySpan<byte> Read(long offset, int count)
        {
            var span = _scratch.AsSpan(0, count);
            if (offset < 0 || offset + count > length || RandomAccess.Read(handle, span, offset) != count)
            {
                throw new StopWalking();
            }
            return span;
        }

        private string Ascii(long offset, int count) => offset + count > length ? "" : Encoding.Latin1.GetString(ReadLarge(offset, count));

        private byte[] ReadLarge(long offset, int count)
        {
            var buffer = new byte[count];
            return RandomAccess.Read(handle, buffer, offset) == count ? buffer : [];
        }

        private ushort U16(long offset) => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Read(offset, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(Read(offset, 2));

        private uint U32(long offset) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Read(offset, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(Read(offset, 4));
    }

    private const uint Undefined = 0xFFFFFFFF;
    private static readonly DicomTag Item = new(0xFFFE, 0xE000);
    private static readonly DicomTag ItemDelimiter = new(0xFFFE, 0xE00D);
    private static readonly DicomTag SequenceDelimiter = new(0xFFFE, 0xE0DD);

    /// <summary>The walk met something it does not model; it has no objection and defers to GDCM.</summary>
    private sealed class StopWalking : Exception;
}
