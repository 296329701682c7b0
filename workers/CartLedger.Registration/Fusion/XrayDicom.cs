using CartLedger.Imaging.Dicom;
using CartLedger.Registration.Intensity;

namespace CartLedger.Registration.Fusion;

/// <summary>An X-ray frame read from DICOM with the identifiers an overlay needs to join the patient's study.</summary>
public sealed record XrayFile(string Path, XrayFrame Frame, string? PatientId, string? StudyInstanceUid, string SeriesDescription);

/// <summary>
/// Reads an XA/RF (or any single-frame grey DICOM with the positioner attributes) into an <see cref="XrayFrame"/>:
/// the first frame, its C-arm geometry from the header (legacy XA: isocentre at the origin) and its polarity from
/// PhotometricInterpretation. Refuses a file without geometry with <see cref="MissingCArmGeometryException"/>.
/// </summary>
public static class XrayDicom
{
    public static XrayFile Load(string path)
    {
        DicomImage image;
        try
        {
            image = DicomReader.ReadImage(path);
        }
        catch (DicomReadException e)
        {
            throw new RegistrationInputException("xray", $"{System.IO.Path.GetFileName(path)}: {e.Problem.Message}");
        }
        if (image.IsColour || image.Frames.Count == 0)
        {
            throw new RegistrationInputException("xray", $"{System.IO.Path.GetFileName(path)} is not a grey X-ray image");
        }
        if (!DicomCArmReader.TryRead(image.Header, out var geometry, out var problem))
        {
            var tag = problem.Tag is { } t ? $" ({t})" : "";
            throw new MissingCArmGeometryException("xray",
                $"{System.IO.Path.GetFileName(path)} has no usable C-arm positioner geometry{tag}: {problem.Message}; registration needs PositionerPrimaryAngle, PositionerSecondaryAngle, DistanceSourceToDetector, DistanceSourceToPatient and ImagerPixelSpacing");
        }
        // MONOCHROME1 stores dense as bright already (the display inverts it); MONOCHROME2 fluoroscopy shows dense as dark.
        var polarity = image.Header.PhotometricInterpretation.Equals("MONOCHROME1", StringComparison.OrdinalIgnoreCase) ? XrayPolarity.DenseIsBright : XrayPolarity.DenseIsDark;
        var frame = new XrayFrame(geometry, image.Frames[0], polarity);
        return new XrayFile(path, frame, image.Header.Attributes.Text(DicomTags.PatientID)?.Trim(), image.Header.StudyInstanceUid, image.Header.SeriesDescription);
    }
}
