using System.Security.Cryptography;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The Segmentation IOD (PS3.3 A.51), BINARY: one 1-bit frame per segment and source slice that holds any of
/// the segment (a segment empty everywhere keeps one empty frame), ordered by segment then source. Frames lie on
/// their source's grid (Plane Position/Orientation, Pixel Measures) and reference it (Derivation Image); the
/// dimensions are ReferencedSegmentNumber then ImagePositionPatient.
/// </summary>
internal static class SegmentationIod
{
    private static readonly CodedConcept SegmentationDerivation = new("113076", "DCM", "Segmentation");
    private static readonly CodedConcept SourceImagePurpose = new("121322", "DCM", "Source image for image processing operation");

    public static (DicomDataSet DataSet, string SopInstanceUid) Build(DicomInstance instance, SegmentationContent content, IReadOnlyList<SegmentationSource> sources, IReadOnlyList<SegmentDescription> segments, SegmentationMasks masks)
    {
        Check(sources, segments, masks);
        var frames = new List<(SegmentDescription Segment, int Source, byte[] Mask)>();
        foreach (var segment in segments.OrderBy(s => s.Number))
        {
            var count = frames.Count;
            for (var source = 0; source < sources.Count; source++)
            {
                if (masks.Get(segment.Number, source) is { } mask && mask.Any(v => v != 0))
                {
                    frames.Add((segment, source, mask));
                }
            }
            if (frames.Count == count)
            {
                frames.Add((segment, 0, new byte[masks.Columns * masks.Rows]));
            }
        }
        var pixels = PackBits(frames.Select(f => f.Mask).ToList());
        var uid = instance.SopInstanceUid ?? DicomUid.FromParts(instance.Series.SeriesInstanceUid, "segmentation", instance.InstanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToHexString(SHA256.HashData(pixels)), string.Join('|', segments.Select(s => s.Label)));
        var organization = DicomUid.FromParts(uid, "dimension organization");
        var reference = sources[0];
        var sharedOrientation = sources.All(s => s.Plane.XAxis.DistanceTo(reference.Plane.XAxis) < 1e-9 && s.Plane.YAxis.DistanceTo(reference.Plane.YAxis) < 1e-9);
        var thickness = sources.Count > 1 ? Math.Abs(sources[1].Plane.PositionAlongNormal - sources[0].Plane.PositionAlongNormal) : 1.0;
        var shared = new DicomDataSet()
            .Sequence(DicomTags.PixelMeasuresSequence, new DicomDataSet()
                .Numbers(DicomTags.PixelSpacing, reference.Plane.YSpacingMm, reference.Plane.XSpacingMm)
                .Numbers(DicomTags.SliceThickness, thickness > 0 ? thickness : 1.0));
        if (sharedOrientation)
        {
            shared.Sequence(DicomTags.PlaneOrientationSequence, Orientation(reference));
        }
        var perFrame = frames.Select(f => FrameItem(f.Segment.Number, f.Source, sources[f.Source], sharedOrientation)).ToArray();
        var ds = new DicomDataSet()
            .SegmentationBase(instance, SopClasses.Segmentation, uid, content, sources.Select(s => (s.SeriesInstanceUid, s.SopClassUid, s.SopInstanceUid)))
            .Texts(DicomTags.ImageType, "DERIVED", "PRIMARY")
            .Numbers(DicomTags.SamplesPerPixel, 1)
            .Text(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .Numbers(DicomTags.Rows, masks.Rows)
            .Numbers(DicomTags.Columns, masks.Columns)
            .Numbers(DicomTags.BitsAllocated, 1)
            .Numbers(DicomTags.BitsStored, 1)
            .Numbers(DicomTags.HighBit, 0)
            .Numbers(DicomTags.PixelRepresentation, 0)
            .Text(DicomTags.LossyImageCompression, "00")
            .Text(DicomTags.SegmentationType, "BINARY")
            .Sequence(DicomTags.SegmentSequence, segments.OrderBy(s => s.Number).Select(s => s.ToItem()).ToArray())
            .Numbers(DicomTags.NumberOfFrames, frames.Count)
            .Sequence(DicomTags.SharedFunctionalGroupsSequence, shared)
            .Sequence(DicomTags.PerFrameFunctionalGroupsSequence, perFrame)
            .Sequence(DicomTags.DimensionOrganizationSequence, new DicomDataSet().Text(DicomTags.DimensionOrganizationUID, organization))
            .Sequence(DicomTags.DimensionIndexSequence,
                Dimension(organization, DicomTags.ReferencedSegmentNumber, DicomTags.SegmentIdentificationSequence, "ReferencedSegmentNumber"),
                Dimension(organization, DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "ImagePositionPatient"))
            .Text(DicomTags.DimensionOrganizationType, "3D")
            .Bytes(DicomTags.PixelData, DicomVr.OB, pixels);
        return (ds, uid);
    }

    private static DicomDataSet FrameItem(int segment, int source, SegmentationSource s, bool sharedOrientation)
    {
        var item = new DicomDataSet()
            .Sequence(DicomTags.FrameContentSequence, new DicomDataSet().Numbers(DicomTags.DimensionIndexValues, segment, source + 1))
            .Sequence(DicomTags.PlanePositionSequence, new DicomDataSet().Numbers(DicomTags.ImagePositionPatient, s.Plane.Origin.X, s.Plane.Origin.Y, s.Plane.Origin.Z))
            .Sequence(DicomTags.DerivationImageSequence, new DicomDataSet()
                .Sequence(DicomTags.DerivationCodeSequence, SegmentationDerivation.ToItem())
                .Sequence(DicomTags.SourceImageSequence, SegmentationModules.Reference(s.SopClassUid, s.SopInstanceUid)
                    .Sequence(DicomTags.PurposeOfReferenceCodeSequence, SourceImagePurpose.ToItem())))
            .Sequence(DicomTags.SegmentIdentificationSequence, new DicomDataSet().Numbers(DicomTags.ReferencedSegmentNumber, segment));
        if (!sharedOrientation)
        {
            item.Sequence(DicomTags.PlaneOrientationSequence, Orientation(s));
        }
        return item;
    }

    private static DicomDataSet Orientation(SegmentationSource s) => new DicomDataSet()
        .Numbers(DicomTags.ImageOrientationPatient, s.Plane.XAxis.X, s.Plane.XAxis.Y, s.Plane.XAxis.Z, s.Plane.YAxis.X, s.Plane.YAxis.Y, s.Plane.YAxis.Z);

    private static DicomDataSet Dimension(string organization, DicomTag index, DicomTag group, string label) => new DicomDataSet()
        .Text(DicomTags.DimensionOrganizationUID, organization)
        .Tags(DicomTags.DimensionIndexPointer, index)
        .Tags(DicomTags.FunctionalGroupPointer, group)
        .Text(DicomTags.DimensionDescriptionLabel, label);

    /// <summary>PS3.5 8.1.1: 1-bit pixels packed continuously across frames, the first pixel in the least significant bit.</summary>
    internal static byte[] PackBits(IReadOnlyList<byte[]> frames)
    {
        var total = frames.Sum(f => (long)f.Length);
        var packed = new byte[(total + 7) / 8];
        long bit = 0;
        foreach (var frame in frames)
        {
            foreach (var value in frame)
            {
                if (value != 0)
                {
                    packed[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
                bit++;
            }
        }
        return packed;
    }

    private static void Check(IReadOnlyList<SegmentationSource> sources, IReadOnlyList<SegmentDescription> segments, SegmentationMasks masks)
    {
        if (sources.Count == 0 || segments.Count == 0)
        {
            throw new ArgumentException("A segmentation needs at least one source image and one segment.");
        }
        if (sources.Count != masks.SourceCount || sources.Any(s => s.Columns != masks.Columns || s.Rows != masks.Rows))
        {
            throw new ArgumentException($"The masks ({masks.Columns}x{masks.Rows}, {masks.SourceCount} sources) must match the source images' grid.");
        }
        if (segments.Select(s => s.Number).Distinct().Count() != segments.Count)
        {
            throw new ArgumentException("SegmentNumber values must be unique.");
        }
        foreach (var segment in segments)
        {
            segment.Check();
        }
    }
}
