using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom.Writing;

/// <summary>The MR Image and CT Image IODs (PS3.3 A.4, A.3) as data sets.</summary>
internal static class ImageIods
{
    public static (DicomDataSet DataSet, string SopInstanceUid) MrImage(DicomInstance instance, SliceImage image, MrImageAttributes mr)
    {
        var (ds, uid, pixels) = PlanarImage(instance, image, "MR", SopClasses.MrImage, mr.ImageType, mr.SliceThicknessMm);
        ds.Texts(DicomTags.ScanningSequence, mr.ScanningSequence.Split('\\'))
            .Texts(DicomTags.SequenceVariant, mr.SequenceVariant.Split('\\'))
            .Texts(DicomTags.ScanOptions, mr.ScanOptions.Length == 0 ? [] : mr.ScanOptions.Split('\\'))
            .Text(DicomTags.MRAcquisitionType, mr.AcquisitionType)
            .OptionalNumber(DicomTags.RepetitionTime, mr.RepetitionTimeMs, writeEmpty: true)
            .OptionalNumber(DicomTags.EchoTime, mr.EchoTimeMs, writeEmpty: true)
            .OptionalNumber(DicomTags.EchoTrainLength, mr.EchoTrainLength, writeEmpty: true)
            .OptionalNumber(DicomTags.InversionTime, mr.InversionTimeMs, writeEmpty: mr.ScanningSequence.Contains("IR", StringComparison.Ordinal))
            .OptionalNumber(DicomTags.FlipAngle, mr.FlipAngleDeg)
            .Numbers(DicomTags.MagneticFieldStrength, mr.MagneticFieldStrengthT)
            .OptionalNumber(DicomTags.SpacingBetweenSlices, mr.SpacingBetweenSlicesMm)
            .OptionalNumber(DicomTags.TriggerTime, mr.TriggerTimeMs, writeEmpty: mr.ScanOptions.Contains("CG", StringComparison.Ordinal))
            .OptionalNumber(DicomTags.CardiacNumberOfImages, mr.CardiacNumberOfImages)
            .OptionalNumber(DicomTags.NominalInterval, mr.NominalIntervalMs)
            .OptionalNumber(DicomTags.AcquisitionNumber, mr.AcquisitionNumber);
        if (mr.ContrastBolusAgent is { } agent)
        {
            ds.Text(DicomTags.ContrastBolusAgent, agent);
        }
        if (!pixels.IsIdentity)
        {
            ds.Rescale(pixels);
        }
        return (ds, uid);
    }

    public static (DicomDataSet DataSet, string SopInstanceUid) CtImage(DicomInstance instance, SliceImage image, CtImageAttributes ct)
    {
        var (ds, uid, pixels) = PlanarImage(instance, image, "CT", SopClasses.CtImage, ct.ImageType, ct.SliceThicknessMm);
        ds.Rescale(pixels)
            .Text(DicomTags.RescaleType, "HU")
            .Numbers(DicomTags.KVP, ct.KvP)
            .OptionalNumber(DicomTags.AcquisitionNumber, ct.AcquisitionNumber, writeEmpty: true);
        if (ct.ConvolutionKernel is { } kernel)
        {
            ds.Text(DicomTags.ConvolutionKernel, kernel);
        }
        return (ds, uid);
    }

    /// <summary>The modules a single-frame greyscale image in patient space shares across modalities.</summary>
    private static (DicomDataSet DataSet, string SopInstanceUid, QuantizedPixels Pixels) PlanarImage(
        DicomInstance instance, SliceImage image, string modality, string sopClassUid, IReadOnlyList<string> imageType, double sliceThicknessMm)
    {
        var pixels = PixelQuantizer.To16Bit($"{modality} image", image.Image.Pixels);
        var uid = CommonModules.SopInstanceUid(instance, pixels.Bytes);
        var ds = new DicomDataSet()
            .Identity(instance, modality, sopClassUid, uid)
            .GeneralImage(instance, [.. imageType])
            .ImagePlane(image.Plane, sliceThicknessMm)
            .GreyscalePixels16(image.Image.Width, image.Image.Height, pixels);
        return (ds, uid, pixels);
    }

    /// <summary>Writes a number when known; for a Type 2 attribute, an empty value when not.</summary>
    public static DicomDataSet OptionalNumber(this DicomDataSet ds, DicomTag tag, double? value, bool writeEmpty = false) =>
        value is { } v ? ds.Numbers(tag, v) : writeEmpty ? ds.Text(tag, null) : ds;
}
