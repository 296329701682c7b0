using CartLedger.Imaging.Dicom.Writing;

namespace CartLedger.Imaging.Dicom;

/// <summary>How a segmentation describes itself (PS3.3 C.10.9 Content Identification): label, description, author.</summary>
/// <param name="Label">ContentLabel (0070,0080): upper case, digits, underscore, at most 16 characters, e.g. "LV_MODEL".</param>
/// <param name="Description">ContentDescription (0070,0081).</param>
/// <param name="Creator">ContentCreatorName (0070,0084); empty for software.</param>
public sealed record SegmentationContent(string Label, string Description = "", string Creator = "");

/// <summary>The modules SEG and Surface Segmentation share: series, equipment, content identification, references.</summary>
internal static class SegmentationModules
{
    public static DicomDataSet SegmentationBase(this DicomDataSet ds, DicomInstance instance, string sopClassUid, string sopInstanceUid, SegmentationContent content, IEnumerable<(string SeriesUid, string SopClassUid, string SopInstanceUid)> references)
    {
        if (content.Label.Length is 0 or > 16 || !content.Label.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or ' '))
        {
            throw new ArgumentException($"ContentLabel must be 1-16 upper-case letters, digits, spaces or underscores, got '{content.Label}'.", nameof(content));
        }
        var contentTime = instance.ContentDateTime ?? instance.Series.DateTime;
        ds.Identity(instance, "SEG", sopClassUid, sopInstanceUid)
            .Text(DicomTags.DeviceSerialNumber, "1")
            .Numbers(DicomTags.InstanceNumber, instance.InstanceNumber)
            .Text(DicomTags.ContentLabel, content.Label)
            .Text(DicomTags.ContentDescription, content.Description)
            .Text(DicomTags.ContentCreatorName, content.Creator)
            .Date(DicomTags.ContentDate, contentTime)
            .Time(DicomTags.ContentTime, contentTime);
        var bySeries = references.Distinct().GroupBy(r => r.SeriesUid).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (bySeries.Count > 0)
        {
            ds.Sequence(DicomTags.ReferencedSeriesSequence, bySeries.Select(series => new DicomDataSet()
                .Text(DicomTags.SeriesInstanceUID, series.Key)
                .Sequence(DicomTags.ReferencedInstanceSequence, series.Select(r => Reference(r.SopClassUid, r.SopInstanceUid)).ToArray())).ToArray());
        }
        return ds;
    }

    public static DicomDataSet Reference(string sopClassUid, string sopInstanceUid) => new DicomDataSet()
        .Text(DicomTags.ReferencedSOPClassUID, sopClassUid)
        .Text(DicomTags.ReferencedSOPInstanceUID, sopInstanceUid);
}
