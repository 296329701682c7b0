using System.Buffers.Binary;
using System.Text;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>Reading element headers and the few values the walk needs, in the file's byte order.</summary>
internal sealed partial class DicomStructureWalker
{
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

    private Complaint Truncated(DicomTag tag, long offset, long valueLength) =>
        new(tag, $"truncated: at byte {offset} the value declares {valueLength} bytes but only {Math.Max(0, length - offset)} remain");

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
