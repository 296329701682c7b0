using System.Reflection;
using System.Security.Cryptography;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom.Writing;

/// <summary>
/// The modules every image this project writes shares (PS3.3 C.7): patient, study, series, frame of reference,
/// equipment, general image, image plane, image pixel and SOP common. One place, so that all IODs relate to
/// each other in the same way.
/// </summary>
internal static class CommonModules
{
    private static readonly string SoftwareVersion =
        typeof(CommonModules).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>Patient, General Study, General Series, Frame of Reference (for images in patient space), General Equipment and SOP Common.</summary>
    public static DicomDataSet Identity(this DicomDataSet ds, DicomInstance instance, string modality, string sopClassUid, string sopInstanceUid, bool withFrameOfReference = true)
    {
        var series = instance.Series;
        var study = series.Study;
        var patient = study.Patient;
        ds.Text(DicomTags.SOPClassUID, sopClassUid)
            .Text(DicomTags.SOPInstanceUID, sopInstanceUid)
            .Text(DicomTags.PatientName, patient.Name)
            .Text(DicomTags.PatientID, patient.Id)
            .Text(DicomTags.PatientBirthDate, patient.BirthDate?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture))
            .Text(DicomTags.PatientSex, patient.Sex)
            .Text(DicomTags.StudyInstanceUID, study.StudyInstanceUid)
            .Date(DicomTags.StudyDate, study.DateTime)
            .Time(DicomTags.StudyTime, study.DateTime)
            .Text(DicomTags.ReferringPhysicianName, "")
            .Text(DicomTags.StudyID, study.StudyId)
            .Text(DicomTags.AccessionNumber, study.AccessionNumber)
            .Text(DicomTags.Modality, modality)
            .Text(DicomTags.SeriesInstanceUID, series.SeriesInstanceUid)
            .Numbers(DicomTags.SeriesNumber, series.SeriesNumber)
            .Text(DicomTags.PatientPosition, series.PatientPosition)
            .Text(DicomTags.Manufacturer, "CartLedger")
            .Text(DicomTags.ManufacturerModelName, "CartLedger Imaging")
            .Text(DicomTags.SoftwareVersions, SoftwareVersion);
        if (withFrameOfReference)
        {
            ds.Text(DicomTags.FrameOfReferenceUID, series.FrameOfReferenceUid).Text(DicomTags.PositionReferenceIndicator, "");
        }
        if (study.Description.Length > 0)
        {
            ds.Text(DicomTags.StudyDescription, study.Description);
        }
        if (series.Description.Length > 0)
        {
            ds.Text(DicomTags.SeriesDescription, series.Description);
        }
        if (series.DateTime is { } seriesTime)
        {
            ds.Date(DicomTags.SeriesDate, seriesTime).Time(DicomTags.SeriesTime, seriesTime);
        }
        if (series.BodyPartExamined.Length > 0)
        {
            ds.Text(DicomTags.BodyPartExamined, series.BodyPartExamined);
        }
        return ds;
    }

    /// <summary>General Image: instance number and content date/time (the supplied ones, or the series').</summary>
    public static DicomDataSet GeneralImage(this DicomDataSet ds, DicomInstance instance, params string[] imageType)
    {
        var content = instance.ContentDateTime ?? instance.Series.DateTime;
        return ds.Numbers(DicomTags.InstanceNumber, instance.InstanceNumber)
            .Texts(DicomTags.ImageType, imageType)
            .Date(DicomTags.ContentDate, content)
            .Time(DicomTags.ContentTime, content)
            .Text(DicomTags.BurnedInAnnotation, "NO");
    }

    /// <summary>Image Plane (C.7.6.2): where the pixels lie in patient LPS.</summary>
    public static DicomDataSet ImagePlane(this DicomDataSet ds, SlicePlane plane, double sliceThicknessMm)
    {
        CheckPlane(plane);
        return ds.Numbers(DicomTags.ImagePositionPatient, plane.Origin.X, plane.Origin.Y, plane.Origin.Z)
            .Numbers(DicomTags.ImageOrientationPatient, plane.XAxis.X, plane.XAxis.Y, plane.XAxis.Z, plane.YAxis.X, plane.YAxis.Y, plane.YAxis.Z)
            .Numbers(DicomTags.PixelSpacing, plane.YSpacingMm, plane.XSpacingMm)
            .Numbers(DicomTags.SliceThickness, sliceThicknessMm);
    }

    /// <summary>Image Pixel (C.7.6.3) for one or more 16-bit greyscale frames, with their rescale.</summary>
    public static DicomDataSet GreyscalePixels16(this DicomDataSet ds, int width, int height, QuantizedPixels pixels)
    {
        return ds.Numbers(DicomTags.SamplesPerPixel, 1)
            .Text(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .Numbers(DicomTags.Rows, height)
            .Numbers(DicomTags.Columns, width)
            .Numbers(DicomTags.BitsAllocated, 16)
            .Numbers(DicomTags.BitsStored, 16)
            .Numbers(DicomTags.HighBit, 15)
            .Numbers(DicomTags.PixelRepresentation, pixels.Signed ? 1 : 0)
            .Bytes(DicomTags.PixelData, DicomVr.OW, pixels.Bytes);
    }

    public static DicomDataSet Rescale(this DicomDataSet ds, QuantizedPixels pixels) =>
        ds.Numbers(DicomTags.RescaleIntercept, pixels.Intercept).Numbers(DicomTags.RescaleSlope, pixels.Slope);

    /// <summary>The SOP instance UID: the caller's, or one derived from the series, the instance number and the pixels.</summary>
    public static string SopInstanceUid(DicomInstance instance, ReadOnlySpan<byte> content) =>
        instance.SopInstanceUid ?? DicomUid.FromParts(
            instance.Series.SeriesInstanceUid,
            "instance",
            instance.InstanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToHexString(SHA256.HashData(content)));

    private static void CheckPlane(SlicePlane plane)
    {
        const double unitTolerance = 1e-4;
        if (Math.Abs(plane.XAxis.Length - 1) > unitTolerance || Math.Abs(plane.YAxis.Length - 1) > unitTolerance || Math.Abs(plane.XAxis.Dot(plane.YAxis)) > unitTolerance)
        {
            throw new ArgumentException($"ImageOrientationPatient must be two orthonormal directions, got {plane.XAxis} and {plane.YAxis}.", nameof(plane));
        }
        if (!(plane.XSpacingMm > 0) || !(plane.YSpacingMm > 0))
        {
            throw new ArgumentException($"PixelSpacing must be positive, got {plane.YSpacingMm} x {plane.XSpacingMm} mm.", nameof(plane));
        }
    }
}
