namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>
/// Turns a GDCM data set into <see cref="DicomAttributes"/>: text through GDCM's StringFilter (which knows the
/// dictionary and the byte order), raw bytes for binary VRs, items for sequences. Bounded in depth and size so
/// a hostile file cannot make the walk unbounded.
/// </summary>
internal static class GdcmAttributeReader
{
    private const int MaxDepth = 8;
    private const long MaxTextLength = 64 * 1024;
    private const long MaxBinaryLength = 256L * 1024 * 1024;
    private static readonly HashSet<string> BinaryVrs = ["OB", "OW", "OF", "OD", "OL", "OV", "UN"];

    public static DicomAttributes Read(gdcm.File file)
    {
        using var filter = new gdcm.StringFilter();
        filter.SetFile(file);
        using var dicts = gdcm.Global.GetInstance().GetDicts();
        return ReadDataSet(file.GetDataSet(), filter, dicts, depth: 0);
    }

    private static DicomAttributes ReadDataSet(gdcm.DataSet dataSet, gdcm.StringFilter filter, gdcm.Dicts dicts, int depth)
    {
        var attributes = new List<DicomAttribute>();
        using var cursor = new gdcm.CSharpDataSet(dataSet);
        for (cursor.Start(); !cursor.IsAtEnd(); cursor.Next())
        {
            using var element = cursor.GetCurrent();
            using var gdcmTag = element.GetTag();
            var tag = new DicomTag(gdcmTag.GetGroup(), gdcmTag.GetElement());
            var vr = EffectiveVr(element, gdcmTag, dicts);
            var length = element.IsUndefinedLength() ? -1 : (long)(uint)element.GetVL();
            if (vr == "SQ")
            {
                attributes.Add(new DicomAttribute(tag, vr, length, null, null, depth < MaxDepth ? ReadItems(element, filter, dicts, depth) : []));
            }
            else if (tag == DicomTags.PixelData || tag == DicomTags.FloatPixelData || tag == DicomTags.DoubleFloatPixelData)
            {
                attributes.Add(new DicomAttribute(tag, vr, length, null));
            }
            else if (BinaryVrs.Contains(vr))
            {
                attributes.Add(new DicomAttribute(tag, vr, length, null, length is >= 0 and <= MaxBinaryLength ? RawBytes(element, length) : null));
            }
            else
            {
                var text = length is >= 0 and <= MaxTextLength ? filter.ToString(element).TrimEnd(' ', '\0') : null;
                attributes.Add(new DicomAttribute(tag, vr, length, text));
            }
        }
        return new DicomAttributes(attributes);
    }

    private static List<DicomAttributes> ReadItems(gdcm.DataElement element, gdcm.StringFilter filter, gdcm.Dicts dicts, int depth)
    {
        var items = new List<DicomAttributes>();
        using var sequence = element.GetValueAsSQ();
        if (sequence is null || sequence.GetPointer() is null)
        {
            return items;
        }
        var count = sequence.GetNumberOfItems();
        for (uint i = 1; i <= count; i++)
        {
            using var item = sequence.GetItem(i);
            items.Add(ReadDataSet(item.GetNestedDataSet(), filter, dicts, depth + 1));
        }
        return items;
    }

    /// <summary>The VR stored in the file (explicit VR) or the dictionary's (implicit VR, where the file has none).</summary>
    private static string EffectiveVr(gdcm.DataElement element, gdcm.Tag tag, gdcm.Dicts dicts)
    {
        using var stored = element.GetVR();
        var text = stored.toString();
        if (text is not ("??" or "INVALID" or ""))
        {
            return text;
        }
        using var entry = dicts.GetDictEntry(tag);
        using var known = entry.GetVR();
        var fromDictionary = known.toString();
        // Several dictionary VRs ("US or SS", "OB or OW") print with a slash; the first reading is good enough here.
        return fromDictionary.Length >= 2 && char.IsAsciiLetterUpper(fromDictionary[0]) ? fromDictionary[..2] : "UN";
    }

    private static byte[]? RawBytes(gdcm.DataElement element, long length)
    {
        using var value = element.GetByteValue();
        if (value is null)
        {
            return null;
        }
        var bytes = new byte[length];
        return value.GetBuffer(bytes, (uint)length) ? bytes : null;
    }
}
