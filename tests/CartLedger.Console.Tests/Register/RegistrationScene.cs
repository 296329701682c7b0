using System.Text.Json;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Phantom;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Model;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Register;

/// <summary>
/// One small phantom (256-pixel detector of 1.2 mm, coarse CT, two cine phases) written once for every registration
/// CLI test: the two XA views as DICOM, a third view only 20 degrees from the first, a CT slice (no C-arm geometry),
/// the ED epicardium as VTK with 'scar' and 'target' point flags, landmark picks and a start pose. XA files hold the
/// geometry about the isocentre (legacy XA), so the true pose there is the heart pose shifted by minus the isocentre.
/// </summary>
public sealed class RegistrationScene
{
    private static readonly Lazy<RegistrationScene> Shared = new(() => new RegistrationScene());

    public static RegistrationScene Instance => Shared.Value;

    private RegistrationScene()
    {
        Folder = RepoPaths.ScratchFolder("register-cli");
        Patient = PhantomGenerator.Generate(new PhantomOptions
        {
            Seed = 5,
            Ct = CtResolution.Fast,
            CinePhases = 2,
            DetectorPixels = 256,
            DetectorPixelMm = 1.2,
            Lead = LeadPlacement.AtTarget,
        });
        var study = new DicomStudy(new DicomPatient("CLI-5"), DicomUid.FromParts("register cli", "study"));
        Geometry = [.. Patient.Fluoroscopy.Select(v => v.Geometry with { IsocenterLps = Vec3.Zero })];
        Truth = [.. Patient.Truth.Views.Select(v => v.HeartPose.Then(RigidTransform.FromTranslation(-v.Geometry.IsocenterLps)))];
        Lao = WriteXa("lao.dcm", 0, Geometry[0]);
        Rao = WriteXa("rao.dcm", 1, Geometry[1]);
        TooClose = WriteXa("close.dcm", 0, Geometry[0] with { PrimaryAngleDeg = Geometry[0].PrimaryAngleDeg - 20 });
        Ct = Path.Combine(Folder, "ct.dcm");
        var plane = new SlicePlane(Vec3.Zero, Vec3.UnitX, Vec3.UnitY, 1, 1);
        DicomWriter.WriteCtImage(Ct, new DicomInstance(new DicomSeries(study, DicomUid.FromParts("register cli", "ct"), DicomUid.FromParts("register cli", "frame"), 3), 1),
            new SliceImage(plane, Patient.Fluoroscopy[0].Image));

        var h = Patient.Truth.Heart;
        var lv = new LvFrame(h.FrameOrigin, h.Ex, h.Et, h.Ez, Patient.Heart.Lv.BasePlaneZMm, Patient.Heart.Lv.BasePlaneZMm - Patient.Heart.Lv.CavityLengthMm);
        var segments = Patient.LvEpicardium.Vertices.Select(v => lv.Locate(v).Segment36.Number).ToArray();
        var scar = Patient.Truth.Segments36.Where(s => s.TransmuralityPercent > 25).Select(s => s.Segment36).ToHashSet();
        Model = Path.Combine(Folder, "lv.vtk");
        MeshFiles.Write(Model, MeshData.From(Patient.LvEpicardium, new Dictionary<string, IReadOnlyList<double>>
        {
            ["scar"] = [.. segments.Select(s => scar.Contains(s) ? 1.0 : 0)],
            ["target"] = [.. segments.Select(s => s == Patient.Truth.Targets.Primary ? 1.0 : 0)],
        }));
        CentreModel = Patient.Truth.Landmarks.LvCentre;
        // The start: 12 mm and 8 degrees off in the first view.
        Init = Path.Combine(Folder, "init.json");
        var start = new InPlanePose(9, -8, 8).ToTransform(Geometry[0], Truth[0], Truth[0].Apply(CentreModel));
        File.WriteAllText(Init, JsonSerializer.Serialize(new { modelToPatientLps = start.ToMatrix4x4() }));
        Landmarks = WriteLandmarks("landmarks.json", outside: false);
        LandmarksOutside = WriteLandmarks("landmarks-outside.json", outside: true);

        string WriteXa(string name, int view, CArmGeometry geometry)
        {
            var path = Path.Combine(Folder, name);
            var series = new DicomSeries(study, DicomUid.FromParts("register cli", name), DicomUid.FromParts("register cli", "xa frame", name), view + 1, name);
            DicomWriter.WriteXaImage(path, new DicomInstance(series, 1), [Patient.Fluoroscopy[view].Image], geometry);
            return path;
        }
    }

    public string Folder { get; }
    public PhantomPatient Patient { get; }
    public CArmGeometry[] Geometry { get; }
    public RigidTransform[] Truth { get; }
    public Vec3 CentreModel { get; }
    public string Lao { get; }
    public string Rao { get; }
    public string TooClose { get; }
    public string Ct { get; }
    public string Model { get; }
    public string Init { get; }
    public string Landmarks { get; }
    public string LandmarksOutside { get; }

    public string Scratch(string name) => Path.Combine(RepoPaths.ScratchFolder("register-out"), name);

    /// <summary>CS ostium, LV apex and mitral plane centre, picked exactly where each view shows them (pixels of the XA files).</summary>
    private string WriteLandmarks(string name, bool outside)
    {
        var l = Patient.Truth.Landmarks;
        (string Name, Vec3 Point)[] points = [("CS ostium", l.CoronarySinusOstium), ("LV apex", l.LvEpicardialApex), ("mitral plane centre", l.MitralPlaneCentre)];
        var clicks = new List<object>();
        for (var v = 0; v < 2; v++)
        {
            foreach (var (landmark, point) in points)
            {
                var pixel = Patient.Truth.Views[v].ModelToImage.Project(point);
                var x = outside && v == 1 && landmark == "LV apex" ? 5000 : pixel.X;
                clicks.Add(new { name = landmark, view = v, pixel = new[] { x, pixel.Y } });
            }
        }
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            landmarks = points.Select(p => new { name = p.Name, model = new[] { p.Point.X, p.Point.Y, p.Point.Z } }),
            clicks,
            phrenicNerve = Patient.Truth.PhrenicNerve.Select(p => new[] { p.X, p.Y, p.Z }),
        }));
        return path;
    }
}
