using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// The element walk behind <see cref="DicomStructureCheck"/>: preamble and meta group, then the data set in its
/// transfer syntax (explicit or implicit VR, either byte order), sequences and items to any nesting up to a
/// limit, encapsulated fragments. Only headers are read; values are skipped by offset.
/// </summary>
internal sealed partial class DicomStructureWalker(SafeFileHandle handle, long length)
{
    private const int MaxDepth = 16;
    private const string ImplicitLittle = "1.2.840.10008.1.2";
    private const string ExplicitBig = "1.2.840.10008.1.2.2";
    private const string Deflated = "1.2.840.10008.1.2.1.99";
    private static readonly HashSet<string> UnsupportedSyntaxes =
    [
        "1.2.840.10008.1.2.4.94", "1.2.840.10008.1.2.4.95", // JPIP
        "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103",
        "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108", // MPEG
        "1.2.840.10008.1.2.4.110", "1.2.840.10008.1.2.4.111", "1.2.840.10008.1.2.4.112", // JPEG XL
        "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203", "1.2.840.10008.1.2.4.204", // HTJ2K
    ];
    private static readonly HashSet<string> LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly byte[] _scratch = new byte[16];
    private readonly Dictionary<DicomTag, long> _imageValues = [];
    private bool _explicit = true;
    private bool _bigEndian;
    private long _pixelDataLength = -2; // -2: absent, -1: encapsulated
    private string _syntax = "";
    private string _photometric = "";

    /// <summary>The walk got as far as the top-level pixel data: the attributes before it are sound.</summary>
    public bool ReachedPixelData { get; private set; }

    public Complaint? Run(long maxDecodedBytes)
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

    private Complaint? WalkMeta(ref long offset)
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
        return offset >= length ? new Complaint(null, "the file ends inside the file meta information: no data set") : null;
    }

    private Complaint? WalkDataSet(ref long offset, long end, int depth, bool topLevel)
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

    private Complaint? WalkItems(ref long offset, long end, int depth, DicomTag sequence)
    {
        while (offset < end)
        {
            if (offset + 8 > length)
            {
                return new Complaint(sequence, "truncated: the file ends inside this sequence");
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
                return new Complaint(sequence, $"truncated: an item at byte {offset - 8} declares {itemLength} bytes but only {length - offset} remain");
            }
            var itemOffset = offset;
            var inner = WalkDataSet(ref itemOffset, offset + itemLength, depth + 1, topLevel: false);
            if (inner is not null)
            {
                return inner;
            }
            offset += itemLength;
        }
        return end == long.MaxValue ? new Complaint(sequence, "truncated: no sequence delimiter before the end of the file") : null;
    }

    private Complaint? WalkFragments(ref long offset, DicomTag tag)
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
                return new Complaint(tag, $"malformed encapsulated pixel data (expected an item at byte {offset - 8})");
            }
            if (offset + fragmentLength > length)
            {
                return new Complaint(tag, $"truncated: a fragment at byte {offset - 8} declares {fragmentLength} bytes but only {length - offset} remain");
            }
            offset += fragmentLength;
        }
        return new Complaint(tag, "truncated: no sequence delimiter before the end of the file");
    }

    private const uint Undefined = 0xFFFFFFFF;
    private static readonly DicomTag Item = new(0xFFFE, 0xE000);
    private static readonly DicomTag ItemDelimiter = new(0xFFFE, 0xE00D);
    private static readonly DicomTag SequenceDelimiter = new(0xFFFE, 0xE0DD);

    /// <summary>The walk met something it does not model; it has no objection and defers to GDCM.</summary>
    private sealed class StopWalking : Exception;
}
