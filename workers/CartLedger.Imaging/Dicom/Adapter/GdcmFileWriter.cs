namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>
/// Writes a <see cref="DicomDataSet"/> as a DICOM Part 10 file through GDCM, Explicit VR Little Endian.
/// GDCM only serialises: every value was encoded by the writers. The file appears atomically (written to a
/// temporary name beside it, then renamed), so a failed export never leaves a partial file behind.
/// </summary>
internal static class GdcmFileWriter
{
    /// <summary>Our implementation class UID: DicomUid.FromParts("CartLedger", "ImplementationClassUID").</summary>
    private static readonly string ImplementationClassUid = DicomUid.FromParts("CartLedger", "ImplementationClassUID");
    private static readonly Lock MetaLock = new();

    public static void Write(DicomDataSet dataSet, string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            WriteWithGdcm(dataSet, temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void WriteWithGdcm(DicomDataSet dataSet, string path)
    {
        using var writer = new gdcm.Writer();
        writer.SetFileName(path);
        var file = writer.GetFile();
        var target = file.GetDataSet();
        foreach (var element in dataSet.Elements)
        {
            using var gdcmElement = ToGdcm(element);
            target.Insert(gdcmElement);
        }
        using var syntax = new gdcm.TransferSyntax(gdcm.TransferSyntax.TSType.ExplicitVRLittleEndian);
        file.GetHeader().SetDataSetTransferSyntax(syntax);
        bool written;
        // The implementation identifiers are process-wide statics in GDCM.
        lock (MetaLock)
        {
            gdcm.FileMetaInformation.SetImplementationClassUID(ImplementationClassUid);
            gdcm.FileMetaInformation.SetImplementationVersionName("CARTLEDGER");
            gdcm.FileMetaInformation.SetSourceApplicationEntityTitle("CARTLEDGER");
            written = writer.Write();
        }
        if (!written)
        {
            throw new IOException($"GDCM could not write {path}.");
        }
    }

    private static gdcm.DataElement ToGdcm(DicomElement element)
    {
        var result = new gdcm.DataElement(new gdcm.Tag(element.Tag.Group, element.Tag.Element));
        result.SetVR(new gdcm.VR(ToGdcmVr(element.Vr)));
        if (element.Items is { } items)
        {
            var sequence = gdcm.SequenceOfItems.New();
            sequence.SetLengthToUndefined();
            foreach (var itemSet in items)
            {
                using var item = new gdcm.Item();
                item.SetVLToUndefined();
                var nested = item.GetNestedDataSet();
                foreach (var child in itemSet.Elements)
                {
                    using var gdcmChild = ToGdcm(child);
                    nested.Insert(gdcmChild);
                }
                sequence.AddItem(item);
            }
            result.SetValue(sequence.__ref__());
            result.SetVLToUndefined();
        }
        else
        {
            result.SetByteValue(element.Value, new gdcm.VL((uint)element.Value.Length));
        }
        return result;
    }

    private static gdcm.VR.VRType ToGdcmVr(DicomVr vr) => Enum.Parse<gdcm.VR.VRType>(vr.ToString());
}
