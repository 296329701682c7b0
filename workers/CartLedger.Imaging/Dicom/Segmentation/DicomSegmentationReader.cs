using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>A segment as read back from a SEG or Surface Segmentation object.</summary>
public sealed record SegmentInfo(int Number, string Label, CodedConcept? Category, CodedConcept? Type, RgbColour? Colour, string AlgorithmType, string? AlgorithmName)
{
    internal static IReadOnlyList<SegmentInfo> From(DicomAttributes attributes) => attributes.Items(DicomTags.SegmentSequence).Select(item =>
        new SegmentInfo(
            DicomHeader.Integer(item, DicomTags.SegmentNumber) ?? 0,
            item.Text(DicomTags.SegmentLabel) ?? "",
            CodedConcept.From(item.FirstItem(DicomTags.SegmentedPropertyCategoryCodeSequence)),
            CodedConcept.From(item.FirstItem(DicomTags.SegmentedPropertyTypeCodeSequence)),
            CieLab.Parse(item.Text(DicomTags.RecommendedDisplayCIELabValue)),
            item.Text(DicomTags.SegmentAlgorithmType) ?? "",
            item.Text(DicomTags.SegmentAlgorithmName))).ToList();
}

/// <summary>One frame of a SEG: which segment, where, its binary mask (0/1, row-major) and the source image it was drawn on.</summary>
public sealed record SegmentationFrame(int SegmentNumber, SlicePlane Plane, byte[] Mask, string? SourceSopInstanceUid);

/// <summary>A Segmentation object read back: its segments and frames.</summary>
public sealed record DicomSegmentation(DicomHeader Header, IReadOnlyList<SegmentInfo> Segments, IReadOnlyList<SegmentationFrame> Frames)
{
    /// <summary>The mask of a segment on the frame drawn on a given source image, or null.</summary>
    public byte[]? MaskOf(int segmentNumber, string sourceSopInstanceUid) =>
        Frames.FirstOrDefault(f => f.SegmentNumber == segmentNumber && f.SourceSopInstanceUid == sourceSopInstanceUid)?.Mask;
}

/// <summary>Reads SEG objects (BINARY or FRACTIONAL; fractional values above half count as inside).</summary>
public static class DicomSegmentationReader
{
    public static DicomSegmentation Read(string path, DicomReadOptions? options = null) => FromImage(DicomReader.ReadImage(path, options));

    /// <summary>A SEG already decoded (e.g. by a folder import).</summary>
    public static DicomSegmentation FromImage(DicomImage image)
    {
        var header = image.Header;
        var path = header.Path;
        if (header.SopClassUid != SopClasses.Segmentation)
        {
            throw new DicomReadException(new DicomProblem(path, DicomTags.SOPClassUID, $"is {SopClasses.NameOf(header.SopClassUid)}, not a Segmentation"));
        }
        if (!DicomPlaneReader.TryReadFramePlanes(header, out var planes, out var problem))
        {
            throw new DicomReadException(problem);
        }
        var fractional = header.Attributes.Text(DicomTags.SegmentationType)?.Trim() == "FRACTIONAL";
        var maximum = DicomHeader.Decimal(header.Attributes, DicomTags.MaximumFractionalValue) ?? 255;
        var frames = new List<SegmentationFrame>(image.Frames.Count);
        for (var f = 0; f < image.Frames.Count; f++)
        {
            var identification = DicomPlaneReader.FrameGroup(header, f, DicomTags.SegmentIdentificationSequence);
            var segment = DicomHeader.Integer(identification, DicomTags.ReferencedSegmentNumber)
                ?? throw new DicomReadException(new DicomProblem(path, DicomTags.ReferencedSegmentNumber, $"missing for frame {f + 1}"));
            var source = DicomPlaneReader.FrameGroup(header, f, DicomTags.DerivationImageSequence)
                .FirstItem(DicomTags.SourceImageSequence)?.Text(DicomTags.ReferencedSOPInstanceUID);
            var threshold = fractional ? maximum / 2 : 0.5;
            var mask = image.Frames[f].Pixels.Select(v => v > threshold ? (byte)1 : (byte)0).ToArray();
            frames.Add(new SegmentationFrame(segment, planes[f], mask, source));
        }
        return new DicomSegmentation(header, SegmentInfo.From(header.Attributes), frames);
    }
}
