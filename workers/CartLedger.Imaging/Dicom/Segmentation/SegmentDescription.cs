using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// One segment of a SEG or Surface Segmentation object (PS3.3 C.8.20.2, C.8.23.1): its number (1-based, unique
/// in the object), label, what it is (category and type codes), how it was made, and its display colour.
/// </summary>
/// <param name="Number">SegmentNumber (0062,0004), 1, 2, ...</param>
/// <param name="Label">SegmentLabel (0062,0005), e.g. "LV myocardium".</param>
/// <param name="Category">SegmentedPropertyCategoryCodeSequence (0062,0003).</param>
/// <param name="Type">SegmentedPropertyTypeCodeSequence (0062,000F).</param>
/// <param name="Colour">Recommended display colour (written as CIELab).</param>
/// <param name="AlgorithmType">SegmentAlgorithmType (0062,0008): AUTOMATIC, SEMIAUTOMATIC or MANUAL.</param>
/// <param name="AlgorithmName">SegmentAlgorithmName (0062,0009), required unless MANUAL, e.g. "CartLedger FWHM 1.0".</param>
public sealed record SegmentDescription(
    int Number,
    string Label,
    CodedConcept Category,
    CodedConcept Type,
    RgbColour Colour,
    string AlgorithmType = "AUTOMATIC",
    string? AlgorithmName = "CartLedger")
{
    internal void Check()
    {
        if (Number is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Number), $"SegmentNumber must be 1..65535, got {Number}.");
        }
        if (AlgorithmType is not ("AUTOMATIC" or "SEMIAUTOMATIC" or "MANUAL"))
        {
            throw new ArgumentException($"SegmentAlgorithmType must be AUTOMATIC, SEMIAUTOMATIC or MANUAL, got '{AlgorithmType}'.", nameof(AlgorithmType));
        }
        if (AlgorithmType != "MANUAL" && string.IsNullOrEmpty(AlgorithmName))
        {
            throw new ArgumentException($"Segment {Number} '{Label}': SegmentAlgorithmName is required unless the segment is MANUAL.", nameof(AlgorithmName));
        }
    }

    /// <summary>The attributes every Segment Sequence item shares in SEG and Surface Segmentation.</summary>
    internal DicomDataSet ToItem()
    {
        Check();
        var (l, a, b) = CieLab.FromRgb(Colour);
        var item = new DicomDataSet()
            .Numbers(DicomTags.SegmentNumber, Number)
            .Text(DicomTags.SegmentLabel, Label)
            .Text(DicomTags.SegmentAlgorithmType, AlgorithmType)
            .Sequence(DicomTags.SegmentedPropertyCategoryCodeSequence, Category.ToItem())
            .Sequence(DicomTags.SegmentedPropertyTypeCodeSequence, Type.ToItem())
            .Numbers(DicomTags.RecommendedDisplayCIELabValue, l, a, b);
        if (AlgorithmType != "MANUAL")
        {
            item.Text(DicomTags.SegmentAlgorithmName, AlgorithmName);
        }
        return item;
    }
}
