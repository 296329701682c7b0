using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// One encoded attribute: its tag, VR and value bytes (little endian, padded to even length), or its items
/// for a sequence. The GDCM adapter turns these into a file without interpreting them.
/// </summary>
internal sealed record DicomElement(DicomTag Tag, DicomVr Vr, byte[] Value, IReadOnlyList<DicomDataSet>? Items = null);

/// <summary>
/// A data set being built by a writer, kept sorted by tag. Values are encoded here, in managed code, so that
/// every writer is a pure function of its inputs and the bytes on disk are the same on every run.
/// Text is restricted to printable ASCII (the default repertoire): we write pseudonyms, never names.
/// </summary>
internal sealed class DicomDataSet
{
    private readonly SortedDictionary<DicomTag, DicomElement> _elements = [];

    public IReadOnlyCollection<DicomElement> Elements => _elements.Values;

    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    public DicomDataSet Add(DicomElement element)
    {
        _elements[element.Tag] = element;
        return this;
    }

    /// <summary>A text attribute; null or "" writes an empty value (how Type 2 attributes say "unknown").</summary>
    public DicomDataSet Text(DicomTag tag, string? value) => Texts(tag, string.IsNullOrEmpty(value) ? [] : [value]);

    public DicomDataSet Texts(DicomTag tag, params IReadOnlyList<string> values)
    {
        var vr = DicomDictionary.VrOf(tag);
        if (!DicomVrRules.IsText(vr))
        {
            throw new ArgumentException($"{tag} has VR {vr}, not a text VR.", nameof(tag));
        }
        foreach (var value in values)
        {
            CheckText(tag, vr, value);
        }
        if (values.Count > 1 && !DicomVrRules.IsMultiValuedText(vr))
        {
            throw new ArgumentException($"{tag} ({vr}) holds one value, got {values.Count}.", nameof(values));
        }
        var text = string.Join('\\', values);
        if (text.Length % 2 == 1)
        {
            text += vr == DicomVr.UI ? '\0' : ' ';
        }
        return Add(new DicomElement(tag, vr, Encoding.ASCII.GetBytes(text)));
    }

    /// <summary>Numbers as DS/IS text or as binary US/SS/UL/SL/FL/FD, whichever VR the tag has.</summary>
    public DicomDataSet Numbers(DicomTag tag, params IReadOnlyList<double> values)
    {
        var vr = DicomDictionary.VrOf(tag);
        return vr switch
        {
            DicomVr.DS => Texts(tag, values.Select(DicomNumbers.FormatDecimal).ToArray()),
            DicomVr.IS => Texts(tag, values.Select(v => DicomNumbers.FormatInteger(checked((long)v))).ToArray()),
            DicomVr.US or DicomVr.SS or DicomVr.UL or DicomVr.SL or DicomVr.FL or DicomVr.FD => Add(new DicomElement(tag, vr, EncodeBinary(tag, vr, values))),
            _ => throw new ArgumentException($"{tag} has VR {vr}, not a numeric VR.", nameof(tag)),
        };
    }

    /// <summary>An AT value: one or more tags (e.g. FrameIncrementPointer).</summary>
    public DicomDataSet Tags(DicomTag tag, params IReadOnlyList<DicomTag> values)
    {
        var bytes = new byte[4 * values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * i), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * i + 2), values[i].Element);
        }
        return Add(new DicomElement(tag, DicomVr.AT, bytes));
    }

    /// <summary>Raw bytes (OB/OW/OF/OL/OD pixel or point data); an odd length gets one zero byte of padding.</summary>
    public DicomDataSet Bytes(DicomTag tag, DicomVr vr, byte[] bytes)
    {
        if (bytes.Length % 2 == 1)
        {
            Array.Resize(ref bytes, bytes.Length + 1);
        }
        return Add(new DicomElement(tag, vr, bytes));
    }

    public DicomDataSet Sequence(DicomTag tag, params IReadOnlyList<DicomDataSet> items) =>
        Add(new DicomElement(tag, DicomVr.SQ, [], items));

    public DicomDataSet Date(DicomTag tag, DateTime? value) =>
        Text(tag, value?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public DicomDataSet Time(DicomTag tag, DateTime? value) =>
        Text(tag, value is { } t ? (t.Ticks % TimeSpan.TicksPerSecond == 0 ? t.ToString("HHmmss", CultureInfo.InvariantCulture) : t.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture)) : null);

    private static void CheckText(DicomTag tag, DicomVr vr, string value)
    {
        var freeText = vr is DicomVr.LT or DicomVr.ST or DicomVr.UT;
        foreach (var c in value)
        {
            var allowed = (c is >= ' ' and <= '~' && (c != '\\' || freeText)) || (freeText && c is '\r' or '\n' or '\t' or '\f');
            if (!allowed)
            {
                throw new ArgumentException($"{tag}: character U+{(int)c:X4} is not allowed in a {vr} value written by this project (printable ASCII only, no backslash).");
            }
        }
        var max = DicomVrRules.MaxLength(vr);
        if (max > 0 && value.Length > max)
        {
            throw new ArgumentException($"{tag}: a {vr} value holds at most {max} characters, got {value.Length} ('{value[..Math.Min(value.Length, 24)]}...').");
        }
        if (vr == DicomVr.UI && !DicomUid.IsValid(value))
        {
            throw new ArgumentException($"{tag}: '{value}' is not a valid UID.");
        }
    }

    private static byte[] EncodeBinary(DicomTag tag, DicomVr vr, IReadOnlyList<double> values)
    {
        var size = vr switch { DicomVr.US or DicomVr.SS => 2, DicomVr.FD => 8, _ => 4 };
        var bytes = new byte[size * values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var span = bytes.AsSpan(size * i);
            var v = values[i];
            try
            {
                switch (vr)
                {
                    case DicomVr.US: BinaryPrimitives.WriteUInt16LittleEndian(span, checked((ushort)v)); break;
                    case DicomVr.SS: BinaryPrimitives.WriteInt16LittleEndian(span, checked((short)v)); break;
                    case DicomVr.UL: BinaryPrimitives.WriteUInt32LittleEndian(span, checked((uint)v)); break;
                    case DicomVr.SL: BinaryPrimitives.WriteInt32LittleEndian(span, checked((int)v)); break;
                    case DicomVr.FL: BinaryPrimitives.WriteSingleLittleEndian(span, (float)v); break;
                    default: BinaryPrimitives.WriteDoubleLittleEndian(span, v); break;
                }
            }
            catch (OverflowException)
            {
                throw new ArgumentOutOfRangeException(nameof(values), $"{tag}: {v} does not fit VR {vr}.");
            }
        }
        return bytes;
    }
}
