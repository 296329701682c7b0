using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// Writes a phantom patient's studies as DICOM through the imaging writers: one study per modality (CT, CMR with a
/// cine and an LGE series, XA with one series per view). All UIDs derive from the seed; no dates are written, so the
/// same patient always gives the same bytes. CT and CMR share one frame of reference unless the CT was acquired in its own
/// (<see cref="PhantomOptions.CtOwnFrame"/>: then the CT series has its own FrameOfReferenceUID and positions); XA files carry the C-arm geometry relative to the isocentre (legacy XA cannot store it in
/// patient coordinates: truth.json has it).
/// </summary>
public static class PhantomDicomWriter
{
    public sealed record Folders(string Ct, string Cine, string Lge, IReadOnlyList<string> Views);

    public static Folders Write(PhantomPatient patient, string root)
    {
        var seed = patient.Options.Seed;
        var dicomPatient = new DicomPatient($"PHANTOM-{seed}", $"Phantom^Seed{seed}");
        var frame = PhantomUids.For(seed, "patient frame of reference");
        var ctStudy = new DicomStudy(dicomPatient, PhantomUids.For(seed, "ct study"), "CT1", Description: "Phantom thorax CT (contrast)");
        var cmrStudy = new DicomStudy(dicomPatient, PhantomUids.For(seed, "cmr study"), "MR1", Description: "Phantom CMR");
        var xaStudy = new DicomStudy(dicomPatient, PhantomUids.For(seed, "xa study"), "XA1", Description: "Phantom CRT implant fluoroscopy");

        var ctFolder = Folder(root, "ct");
        var ctFrame = patient.Truth.CtFrame?.FrameOfReferenceUid ?? frame;
        var ctSeries = new DicomSeries(ctStudy, PhantomUids.For(seed, "ct series"), ctFrame, 1, "Thorax CT with contrast");
        DicomWriter.WriteCtVolume(ctFolder, ctSeries, patient.CtAsAcquired, new CtImageAttributes { SliceThicknessMm = patient.Ct.Geometry.SpacingMm.Z, ConvolutionKernel = "SOFT" });

        var rr = (int)Math.Round(patient.Heart.Contraction.RrMs);
        var cineFolder = Folder(root, "cine");
        DicomWriter.WriteMrStack(cineFolder, new DicomSeries(cmrStudy, patient.Cine.SeriesInstanceUid, frame, 1, "SAX cine SSFP"), patient.Cine,
            new MrImageAttributes { NominalIntervalMs = rr, SpacingBetweenSlicesMm = Spacing(patient.Cine), ImageType = MrImageType });
        var lgeFolder = Folder(root, "lge");
        DicomWriter.WriteMrStack(lgeFolder, new DicomSeries(cmrStudy, patient.Lge.SeriesInstanceUid, frame, 2, "SAX LGE"), patient.Lge,
            new MrImageAttributes
            {
                ScanningSequence = "GR\\IR",
                SequenceVariant = "SP\\MP",
                InversionTimeMs = 300,
                FlipAngleDeg = 25,
                RepetitionTimeMs = 6,
                EchoTimeMs = 3,
                ContrastBolusAgent = "GADOLINIUM",
                NominalIntervalMs = rr,
                SpacingBetweenSlicesMm = Spacing(patient.Lge),
                TriggerTimeMs = 0,
                ImageType = MrImageType,
            });

        var views = new List<string>();
        for (var v = 0; v < patient.Fluoroscopy.Count; v++)
        {
            var view = patient.Fluoroscopy[v];
            var folder = Folder(root, $"xa-{v + 1}");
            var series = new DicomSeries(xaStudy, PhantomUids.For(seed, "xa series", v), PhantomUids.For(seed, "xa frame", v), v + 1, view.Name);
            var atIsocentre = view.Geometry with { IsocenterLps = Vec3.Zero };
            DicomWriter.WriteXaImage(Path.Combine(folder, DicomWriter.FileName(1)), new DicomInstance(series, 1, PhantomUids.For(seed, "xa image", v)),
                [view.Image], atIsocentre, new XaImageAttributes { ContrastBolusAgent = patient.Options.Venogram ? "IODINE" : null });
            views.Add(folder);
        }
        return new Folders(ctFolder, cineFolder, lgeFolder, views);
    }

    /// <summary>MR Image IOD needs ImageType value 3 (dciodvfy): "M" for a magnitude image.</summary>
    private static readonly string[] MrImageType = ["ORIGINAL", "PRIMARY", "M"];

    private static double? Spacing(CineStack stack) =>
        stack.Slices.Count > 1 ? Math.Abs(stack.Slices[1].Plane.PositionAlongNormal - stack.Slices[0].Plane.PositionAlongNormal) : null;

    private static string Folder(string root, string name)
    {
        var path = Path.Combine(root, "dicom", name);
        Directory.CreateDirectory(path);
        return path;
    }
}
