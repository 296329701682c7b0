using System.Globalization;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The attributes of one file that reading, grouping and inspecting need, parsed leniently (real files pad,
/// misspell and leave things empty). Everything else stays available in <see cref="Attributes"/>.
/// </summary>
public sealed record DicomHeader(string Path, string? TransferSyntaxUid, DicomAttributes Attributes)
{
    public string? SopClassUid => Uid(DicomTags.SOPClassUID);
    public string? SopInstanceUid => Uid(DicomTags.SOPInstanceUID);
    public string? StudyInstanceUid => Uid(DicomTags.StudyInstanceUID);
    public string? SeriesInstanceUid => Uid(DicomTags.SeriesInstanceUID);
    public string? FrameOfReferenceUid => Uid(DicomTags.FrameOfReferenceUID);
    public string Modality => Attributes.Text(DicomTags.Modality)?.Trim().ToUpperInvariant() ?? "";
    public string SeriesDescription => Attributes.Text(DicomTags.SeriesDescription)?.Trim() ?? "";
    public int? SeriesNumber => Integer(DicomTags.SeriesNumber);
    public int? InstanceNumber => Integer(DicomTags.InstanceNumber);
    public int Rows => Integer(DicomTags.Rows) ?? 0;
    public int Columns => Integer(DicomTags.Columns) ?? 0;
    public int NumberOfFrames => Math.Max(1, Integer(DicomTags.NumberOfFrames) ?? 1);
    public int SamplesPerPixel => Integer(DicomTags.SamplesPerPixel) ?? 1;
    public int BitsAllocated => Integer(DicomTags.BitsAllocated) ?? 0;
    public string PhotometricInterpretation => Attributes.Text(DicomTags.PhotometricInterpretation)?.Trim() ?? "";
    public bool HasPixelData => Attributes.Has(DicomTags.PixelData) || Attributes.Has(DicomTags.FloatPixelData) || Attributes.Has(DicomTags.DoubleFloatPixelData);

    /// <summary>TriggerTime (0018,1060), ms after the R wave; per-frame NominalCardiacTriggerDelayTime for enhanced files.</summary>
    public double? TriggerTimeMs => Decimal(DicomTags.TriggerTime);
    public int? CardiacNumberOfImages => Integer(DicomTags.CardiacNumberOfImages);

    /// <summary>True for an enhanced (functional-group) multi-frame object: SEG, enhanced MR/CT.</summary>
    public bool HasFunctionalGroups => Attributes.Has(DicomTags.PerFrameFunctionalGroupsSequence);

    public string? Uid(DicomTag tag) => Attributes.Text(tag)?.Trim().TrimEnd('\0') is { Length: > 0 } uid ? uid : null;

    public int? Integer(DicomTag tag) => Integer(Attributes, tag);

    public double? Decimal(DicomTag tag) => Decimal(Attributes, tag);

    internal static int? Integer(DicomAttributes attributes, DicomTag tag)
    {
        var text = attributes.Text(tag)?.Split('\\')[0].Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        // IS values such as "1.0" occur in the wild.
        return DicomNumbers.TryParseDecimal(text, out var d) && d == Math.Round(d) && Math.Abs(d) < int.MaxValue ? (int)d : null;
    }

    internal static double? Decimal(DicomAttributes attributes, DicomTag tag) =>
        attributes.Text(tag)?.Split('\\')[0] is { } text && DicomNumbers.TryParseDecimal(text, out var value) ? value : null;
}
