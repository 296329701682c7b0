using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom.Writing;

/// <summary>
/// The Secondary Capture Image IOD (PS3.3 A.8.1) for an 8-bit RGB picture: bullseye plots, overlays and
/// screenshots that belong in the patient's record next to the images they were made from.
/// </summary>
internal static class SecondaryCaptureIod
{
    public static (DicomDataSet DataSet, string SopInstanceUid) Build(DicomInstance instance, RgbImage picture, string modality)
    {
        var uid = CommonModules.SopInstanceUid(instance, picture.Rgb);
        var ds = new DicomDataSet()
            .Identity(instance, modality, SopClasses.SecondaryCaptureImage, uid, withFrameOfReference: false)
            .GeneralImage(instance, "DERIVED", "SECONDARY")
            .Text(DicomTags.PatientOrientation, null)
            .Text(DicomTags.ConversionType, "WSD")
            .Numbers(DicomTags.SamplesPerPixel, 3)
            .Text(DicomTags.PhotometricInterpretation, "RGB")
            .Numbers(DicomTags.PlanarConfiguration, 0)
            .Numbers(DicomTags.Rows, picture.Height)
            .Numbers(DicomTags.Columns, picture.Width)
            .Numbers(DicomTags.BitsAllocated, 8)
            .Numbers(DicomTags.BitsStored, 8)
            .Numbers(DicomTags.HighBit, 7)
            .Numbers(DicomTags.PixelRepresentation, 0)
            .Bytes(DicomTags.PixelData, DicomVr.OB, picture.Rgb);
        return (ds, uid);
    }
}
