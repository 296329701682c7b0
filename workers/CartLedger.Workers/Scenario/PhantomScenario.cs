using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Workers.Scenario;

/// <summary>
/// A small phantom patient for the demo and the worker tests: 2 mm CT in its own frame of reference (a seeded table
/// shift and tilt from the CMR's, as a CT from another day), 16 cine phases, a 384^2 detector of 0.8 mm, two views
/// (LAO 40, RAO 30) with the LV lead at the true primary target. What staff would click in the
/// cath lab (landmarks, electrodes) is taken from the phantom's truth and is labelled as simulated wherever it is used.
/// </summary>
public static class PhantomScenario
{
    public static PhantomOptions Options(int seed) => new()
    {
        Seed = seed,
        Ct = CtResolution.Fast,
        CtOwnFrame = true,
        CinePhases = 16,
        DetectorPixels = 384,
        DetectorPixelMm = 0.8,
        Activation = ActivationPattern.Lbbb,
        Lead = LeadPlacement.AtTarget,
    };

    /// <summary>Where the studies went: the CMR study (cine + LGE), the CT study (its own frame) and the XA study (one series per view).</summary>
    public sealed record Folders(string Root, string Cmr, string Xa, string Ct);

    /// <summary>
    /// Writes truth.json and labels, and the studies as DICOM: <c>dicom/cmr/{cine,lge}</c> (planning),
    /// <c>dicom/ct</c> (the CT model's study) and <c>dicom/xa/xa-N</c> (the cath lab).
    /// </summary>
    public static Folders Write(PhantomPatient patient, string folder)
    {
        PhantomFolderWriter.Write(patient, folder, staging =>
        {
            var written = PhantomDicomWriter.Write(patient, staging);
            var dicom = Path.Combine(staging, "dicom");
            Directory.CreateDirectory(Path.Combine(dicom, "cmr"));
            Directory.CreateDirectory(Path.Combine(dicom, "xa"));
            Directory.Move(written.Cine, Path.Combine(dicom, "cmr", "cine"));
            Directory.Move(written.Lge, Path.Combine(dicom, "cmr", "lge"));
            foreach (var view in written.Views)
            {
                Directory.Move(view, Path.Combine(dicom, "xa", Path.GetFileName(view)));
            }
        });
        return new Folders(folder, Path.Combine(folder, "dicom", "cmr"), Path.Combine(folder, "dicom", "xa"), Path.Combine(folder, "dicom", "ct"));
    }

    /// <summary>
    /// Simulated landmark picks: CS ostium, epicardial apex and mitral-plane centre (on the long axis) and the middle of
    /// the phrenic nerve's course (off it, so the roll about the axis is seen), projected into every view of
    /// <paramref name="acquisition"/> through the truth.
    /// </summary>
    public static ValueList<FluoroscopyLandmark> Landmarks(PhantomPatient patient, FluoroscopyAcquired acquisition)
    {
        var l = patient.Truth.Landmarks;
        var nerve = patient.Truth.PhrenicNerve[patient.Truth.PhrenicNerve.Count / 2];
        (string Name, Vec3 Point)[] points = [("cs-ostium", l.CoronarySinusOstium), ("lv-epicardial-apex", l.LvEpicardialApex), ("mitral-plane-centre", l.MitralPlaneCentre), ("phrenic-nerve-mid", nerve)];
        return points.Select(p => new FluoroscopyLandmark(p.Name, new Point3Mm(p.Point.X, p.Point.Y, p.Point.Z),
            Views(patient, acquisition).Select(v => Pixel(v.Index, v.Truth.ModelToImage.Project(p.Point))).ToValueList())).ToValueList();
    }

    /// <summary>
    /// Simulated landmark picks of the CT model set: the CS ostium and three points along the phrenic nerve (a quarter,
    /// half and three quarters of its course), at their CT-frame positions, projected into every view through the truth
    /// (a CT-frame point q lies during a view at HeartPose(CtFromCmr^-1 q)).
    /// </summary>
    public static ValueList<FluoroscopyLandmark> CtLandmarks(PhantomPatient patient, FluoroscopyAcquired acquisition)
    {
        var ct = patient.Truth.CtFrame ?? throw new ArgumentException("the phantom's CT shares the CMR frame: generate it with CtOwnFrame");
        var cmrFromCt = ct.CtFromCmr.Inverse();
        var nerve = ct.PhrenicNerveCt;
        (string Name, Vec3 Point)[] points = [("cs-ostium", ct.CoronarySinusOstiumCt), ("phrenic-nerve-quarter", nerve[nerve.Count / 4]),
            ("phrenic-nerve-mid", nerve[nerve.Count / 2]), ("phrenic-nerve-three-quarters", nerve[3 * nerve.Count / 4])];
        return points.Select(p => new FluoroscopyLandmark(p.Name, new Point3Mm(p.Point.X, p.Point.Y, p.Point.Z),
            Views(patient, acquisition).Select(v => Pixel(v.Index, v.Truth.ModelToImage.Project(cmrFromCt.Apply(p.Point)))).ToValueList())).ToValueList();
    }

    /// <summary>The phrenic nerve as traced on the CT (its CT-frame course, simulated from the truth).</summary>
    public static ValueList<Point3Mm> CtPhrenicNerve(PhantomPatient patient) =>
        (patient.Truth.CtFrame ?? throw new ArgumentException("the phantom's CT shares the CMR frame: generate it with CtOwnFrame"))
            .PhrenicNerveCt.Select(p => new Point3Mm(Math.Round(p.X, 2), Math.Round(p.Y, 2), Math.Round(p.Z, 2))).ToValueList();

    /// <summary>Simulated electrode marks: electrode <paramref name="index"/> (0 = tip) where the truth projects it in every view of <paramref name="acquisition"/>.</summary>
    public static ValueList<ViewPixel> Electrode(PhantomPatient patient, FluoroscopyAcquired acquisition, int index) =>
        Views(patient, acquisition).Select(v => Pixel(v.Index, v.Truth.ElectrodePixels[index])).ToValueList();

    /// <summary>The truth of each recorded view, matched by label (the acquisition lists views in its own order).</summary>
    private static IEnumerable<(int Index, Imaging.Phantom.Truth.ViewTruth Truth)> Views(PhantomPatient patient, FluoroscopyAcquired acquisition) =>
        acquisition.Views.Select((view, i) => (i, patient.Truth.Views.FirstOrDefault(t => t.Name == view.Label)
            ?? throw new ArgumentException($"view '{view.Label}' is not one of the phantom's ({string.Join(", ", patient.Truth.Views.Select(t => t.Name))})")));

    private static ViewPixel Pixel(int view, Vec2 p) => new(view, Math.Round(p.X, 2), Math.Round(p.Y, 2));
}
