using System.Globalization;
using CartLedger.Imaging.Dicom.Adapter;
using CartLedger.Imaging.Dicom.Writing;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Writes the DICOM objects CartLedger produces. Every file is Explicit VR Little Endian, valid under dciodvfy,
/// and a pure function of the arguments: same inputs, same bytes (UIDs derive from content unless supplied,
/// dates only when supplied). Files appear atomically. See docs/imaging.md for the choices behind each IOD.
/// </summary>
public static class DicomWriter
{
    /// <summary>One MR image (MR Image Storage). Float pixels are stored as 16-bit with a rescale when not integral.</summary>
    public static WrittenInstance WriteMrImage(string path, DicomInstance instance, SliceImage image, MrImageAttributes? mr = null)
    {
        var (dataSet, uid) = ImageIods.MrImage(instance, image, mr ?? new MrImageAttributes());
        return Write(path, dataSet, SopClasses.MrImage, uid, instance.Series);
    }

    /// <summary>One CT image (CT Image Storage), values in HU.</summary>
    public static WrittenInstance WriteCtImage(string path, DicomInstance instance, SliceImage image, CtImageAttributes? ct = null)
    {
        var (dataSet, uid) = ImageIods.CtImage(instance, image, ct ?? new CtImageAttributes());
        return Write(path, dataSet, SopClasses.CtImage, uid, instance.Series);
    }

    /// <summary>A CT volume as one CT image per slice k (instance number k + 1), files IM00001.dcm... in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<WrittenInstance> WriteCtVolume(string folder, DicomSeries series, Volume volume, CtImageAttributes? ct = null)
    {
        var attributes = ct ?? new CtImageAttributes();
        var written = new List<WrittenInstance>(volume.Geometry.SizeK);
        for (var k = 0; k < volume.Geometry.SizeK; k++)
        {
            var image = new SliceImage(volume.Geometry.SlicePlaneAt(k), volume.Slice(k));
            written.Add(WriteCtImage(Path.Combine(folder, FileName(k + 1)), new DicomInstance(series, k + 1), image, attributes));
        }
        return written;
    }

    /// <summary>
    /// A cine (or single-phase) stack as MR images: one per slice and phase, with TriggerTime and
    /// CardiacNumberOfImages; instance number = slice * phases + phase + 1.
    /// </summary>
    public static IReadOnlyList<WrittenInstance> WriteMrStack(string folder, DicomSeries series, CineStack stack, MrImageAttributes? mr = null)
    {
        var attributes = mr ?? new MrImageAttributes();
        var written = new List<WrittenInstance>();
        for (var s = 0; s < stack.Slices.Count; s++)
        {
            var slice = stack.Slices[s];
            for (var p = 0; p < slice.PhaseCount; p++)
            {
                var number = s * slice.PhaseCount + p + 1;
                var phase = attributes with
                {
                    TriggerTimeMs = slice.TriggerTimesMs.Count > p ? slice.TriggerTimesMs[p] : attributes.TriggerTimeMs,
                    CardiacNumberOfImages = slice.PhaseCount > 1 ? slice.PhaseCount : attributes.CardiacNumberOfImages,
                };
                var uid = slice.SopInstanceUids.Count > p && slice.SopInstanceUids[p].Length > 0 ? slice.SopInstanceUids[p] : null;
                written.Add(WriteMrImage(Path.Combine(folder, FileName(number)), new DicomInstance(series, number, uid), new SliceImage(slice.Plane, slice.Frames[p]), phase));
            }
        }
        return written;
    }

    /// <summary>
    /// An X-ray angiography run (XA): one or more frames (15 frames per second by default) and the C-arm geometry
    /// that projects patient LPS onto them. The isocentre must be at the origin (legacy XA cannot store it).
    /// </summary>
    public static WrittenInstance WriteXaImage(string path, DicomInstance instance, IReadOnlyList<Image2D> frames, CArmGeometry geometry, XaImageAttributes? xa = null)
    {
        var (dataSet, uid) = XaImageIod.Build(instance, frames, geometry, xa ?? new XaImageAttributes());
        return Write(path, dataSet, SopClasses.XRayAngiographicImage, uid, instance.Series);
    }

    /// <summary>An 8-bit RGB picture as a Secondary Capture image (e.g. a bullseye plot); modality "OT" unless given.</summary>
    public static WrittenInstance WriteSecondaryCapture(string path, DicomInstance instance, RgbImage picture, string modality = "OT")
    {
        var (dataSet, uid) = SecondaryCaptureIod.Build(instance, picture, modality);
        return Write(path, dataSet, SopClasses.SecondaryCaptureImage, uid, instance.Series);
    }

    /// <summary>The file name the series writers use for an instance number.</summary>
    public static string FileName(int instanceNumber) => string.Create(CultureInfo.InvariantCulture, $"IM{instanceNumber:D5}.dcm");

    internal static WrittenInstance Write(string path, DicomDataSet dataSet, string sopClassUid, string sopInstanceUid, DicomSeries series)
    {
        GdcmFileWriter.Write(dataSet, path);
        return new WrittenInstance(Path.GetFullPath(path), sopClassUid, sopInstanceUid, series.SeriesInstanceUid, series.FrameOfReferenceUid);
    }
}
