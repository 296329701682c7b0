using System.Text;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom.Writing;

/// <summary>
/// The X-Ray Angiographic Image IOD (PS3.3 A.14) with the XA Positioner module carrying the C-arm geometry:
/// PositionerPrimaryAngle (LAO +), PositionerSecondaryAngle (cranial +), DistanceSourceToDetector,
/// DistanceSourceToPatient (to the isocentre), ImagerPixelSpacing (at the detector, row\column) and
/// EstimatedRadiographicMagnificationFactor = SID / SOD. Legacy XA has no place for the isocentre in patient
/// coordinates, so the geometry must have its isocentre at the origin (the reader returns it there).
/// </summary>
internal static class XaImageIod
{
    public static (DicomDataSet DataSet, string SopInstanceUid) Build(DicomInstance instance, IReadOnlyList<Image2D> frames, CArmGeometry geometry, XaImageAttributes xa)
    {
        Check(frames, geometry);
        var all = new float[frames.Sum(f => f.Pixels.Length)];
        for (var f = 0; f < frames.Count; f++)
        {
            frames[f].Pixels.CopyTo(all, f * frames[0].Pixels.Length);
        }
        var pixels = PixelQuantizer.To16Bit("XA image", all, allowSigned: false);
        var uid = CommonModules.SopInstanceUid(instance, pixels.Bytes);
        var ds = new DicomDataSet()
            .Identity(instance, "XA", SopClasses.XRayAngiographicImage, uid, withFrameOfReference: false)
            .GeneralImage(instance, [.. xa.ImageType])
            .Texts(DicomTags.PatientOrientation, OrientationLetters(geometry.ColumnDirection), OrientationLetters(geometry.RowDirection))
            .GreyscalePixels16(geometry.Columns, geometry.Rows, pixels)
            .Numbers(DicomTags.NumberOfFrames, frames.Count)
            .Tags(DicomTags.FrameIncrementPointer, DicomTags.FrameTime)
            .Numbers(DicomTags.FrameTime, xa.FrameTimeMs)
            .Text(DicomTags.PixelIntensityRelationship, xa.PixelIntensityRelationship)
            .Numbers(DicomTags.KVP, xa.KvP)
            .Text(DicomTags.RadiationSetting, xa.RadiationSetting)
            .OptionalNumber(DicomTags.XRayTubeCurrent, xa.TubeCurrentMa, writeEmpty: true)
            .OptionalNumber(DicomTags.ExposureTime, xa.ExposureTimeMs, writeEmpty: true)
            .Numbers(DicomTags.DistanceSourceToDetector, geometry.SourceToDetectorMm)
            .Numbers(DicomTags.DistanceSourceToPatient, geometry.SourceToIsocenterMm)
            .Numbers(DicomTags.EstimatedRadiographicMagnificationFactor, geometry.MagnificationAtIsocenter)
            .Numbers(DicomTags.ImagerPixelSpacing, geometry.DetectorPixelSpacingYMm, geometry.DetectorPixelSpacingXMm)
            .Text(DicomTags.PositionerMotion, "STATIC")
            .Numbers(DicomTags.PositionerPrimaryAngle, geometry.PrimaryAngleDeg)
            .Numbers(DicomTags.PositionerSecondaryAngle, geometry.SecondaryAngleDeg);
        if (!pixels.IsIdentity)
        {
            ds.Rescale(pixels);
        }
        if (xa.ContrastBolusAgent is { } agent)
        {
            ds.Text(DicomTags.ContrastBolusAgent, agent);
        }
        return (ds, uid);
    }

    /// <summary>PatientOrientation letters of a direction (PS3.3 C.7.6.1.1.1): the major components, largest first.</summary>
    internal static string OrientationLetters(Vec3 direction)
    {
        var parts = new[] { (Math.Abs(direction.X), direction.X > 0 ? 'L' : 'R'), (Math.Abs(direction.Y), direction.Y > 0 ? 'P' : 'A'), (Math.Abs(direction.Z), direction.Z > 0 ? 'H' : 'F') };
        var text = new StringBuilder();
        foreach (var (magnitude, letter) in parts.OrderByDescending(p => p.Item1))
        {
            if (magnitude > 0.25)
            {
                text.Append(letter);
            }
        }
        return text.ToString();
    }

    private static void Check(IReadOnlyList<Image2D> frames, CArmGeometry geometry)
    {
        if (frames.Count == 0)
        {
            throw new ArgumentException("An XA run needs at least one frame.", nameof(frames));
        }
        if (frames.Any(f => f.Width != geometry.Columns || f.Height != geometry.Rows))
        {
            throw new ArgumentException($"Every frame must be {geometry.Columns}x{geometry.Rows} like the C-arm geometry's detector.", nameof(frames));
        }
        if (geometry.IsocenterLps.Length > 1e-9)
        {
            throw new ArgumentException($"Legacy XA cannot store an isocentre at {geometry.IsocenterLps}: pose the scene relative to the isocentre (at the origin).", nameof(geometry));
        }
        if (!(geometry.SourceToIsocenterMm > 0) || geometry.SourceToIsocenterMm >= geometry.SourceToDetectorMm)
        {
            throw new ArgumentException($"Need 0 < SOD < SID, got SOD {geometry.SourceToIsocenterMm} mm and SID {geometry.SourceToDetectorMm} mm.", nameof(geometry));
        }
    }
}
