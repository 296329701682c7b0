using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.CtStructures;
using CartLedger.Cmr.Export;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Testing;

namespace CartLedger.Cmr.Tests.Export;

/// <summary>One small phantom analysed once and exported twice (two folders), shared by the export tests.</summary>
public sealed class ExportedPhantom
{
    public ExportedPhantom()
    {
        Patient = PhantomGenerator.Generate(PhantomOptions.CmrOnly(5) with
        {
            CinePhases = 12,
            Scar = [new ScarSpec(17, 100), new ScarSpec(18, 90), new ScarSpec(5, 80)],
            Activation = ActivationPattern.Lbbb,
        });
        Analysis = CmrAnalyzer.Run(Patient.Cine, Patient.Lge, CmrParameters.Default);
        var primary = Analysis.Proposal.Primary ?? SegmentId.Of36(19);
        var study = new DicomStudy(new DicomPatient("PHANTOM-5"), DicomUid.FromParts("export test", "cmr study"));
        var ct = new CtStructureModel(Patient.Cine.FrameOfReferenceUid, Patient.Truth.PhrenicNerve, Patient.Truth.Landmarks.CoronarySinusOstium);
        Request = new TreatmentRequest(Analysis, Patient.Cine, Patient.Lge, study, primary, [primary], new DateTime(2026, 3, 4, 10, 30, 0), ct);
        First = TreatmentExport.Write(RepoPaths.ScratchFolder("treatment-export-a"), Request);
        Second = TreatmentExport.Write(RepoPaths.ScratchFolder("treatment-export-b"), Request);
        var cineOnly = CmrAnalyzer.Run(Patient.Cine, null, CmrParameters.Default);
        WithoutLge = TreatmentExport.Write(RepoPaths.ScratchFolder("treatment-export-cine"), Request with { Analysis = cineOnly, Lge = null, CtStructures = null });
    }

    public PhantomPatient Patient { get; }
    public CmrAnalysis Analysis { get; }
    public TreatmentRequest Request { get; }
    public IReadOnlyList<TreatmentFile> First { get; }
    public IReadOnlyList<TreatmentFile> Second { get; }
    public IReadOnlyList<TreatmentFile> WithoutLge { get; }
}

public class TreatmentExportTests(ExportedPhantom exported) : IClassFixture<ExportedPhantom>
{
    [Fact]
    public void Every_dicom_treatment_file_passes_dciodvfy_dcmdump_and_pydicom()
    {
        var dicom = exported.First.Where(f => f.IsDicom).ToList();
        Assert.Equal([TreatmentFileRole.CmrSurfaces, TreatmentFileRole.CmrLabelMap, TreatmentFileRole.CtSurfaces], dicom.Select(f => f.Role));
        foreach (var file in dicom)
        {
            var view = DicomValidators.AssertValid(file.Path);
            Assert.Equal(file.SopInstanceUid, view.Text("SOPInstanceUID"));
            Assert.Equal("20260304", view.Text("ContentDate"));
        }
    }

    [Fact]
    public void The_surfaces_carry_epicardium_scar_and_targets_in_the_cmr_frame_and_the_nerve_and_ostium_in_the_ct_frame()
    {
        var cmr = DicomSurfaceSegmentationReader.Read(exported.First.Single(f => f.Role == TreatmentFileRole.CmrSurfaces).Path);
        Assert.Equal(["LV epicardium", "Scar", "LV lead target area", $"Primary target {exported.Request.PrimaryTarget}"], cmr.Segments.Select(s => s.Label));
        Assert.Equal(exported.Analysis.Mesh.Value.Mesh.Vertices.Count, cmr.SurfaceFor(1).Points.Count);
        var ct = DicomSurfaceSegmentationReader.Read(exported.First.Single(f => f.Role == TreatmentFileRole.CtSurfaces).Path);
        Assert.Equal(["Left phrenic nerve", "Coronary sinus ostium"], ct.Segments.Select(s => s.Label));
        Assert.Equal("WIREFRAME", ct.SurfaceFor(1).PresentationType);
        Assert.Equal(exported.Patient.Truth.PhrenicNerve.Count, ct.SurfaceFor(1).Points.Count);
        Assert.Equal("POINTS", ct.SurfaceFor(2).PresentationType);
    }

    [Fact]
    public void The_label_map_holds_myocardium_scar_and_target_area_on_the_lge_grid()
    {
        var path = exported.First.Single(f => f.Role == TreatmentFileRole.CmrLabelMap).Path;
        var seg = DicomValidators.Pydicom(path);
        Assert.Equal(["LV myocardium", "Scar", "LV lead target area"], seg.Attributes.GetProperty("SegmentSequence").EnumerateArray().Select(s => s.GetProperty("SegmentLabel").GetString()));
        var lge = exported.Patient.Lge.Slices[0].Frames[0];
        Assert.Equal([lge.Height, lge.Width], seg.PixelShape.Skip(1));
        var scarPixels = exported.Analysis.Scar!.Value.Slices.Sum(s => s.Scar.Count());
        var myocardiumPixels = exported.Analysis.Scar!.Value.Slices.Sum(s => s.Myocardium.Count());
        Assert.Equal(scarPixels + myocardiumPixels + TargetPixels(seg), seg.PixelValues.Sum(), 0.5);
        Assert.True(TargetPixels(seg) > 0, "the target area has myocardium on some LGE slice");
    }

    private static double TargetPixels(DicomValidators.PydicomView seg)
    {
        var frames = seg.Attributes.GetProperty("PerFrameFunctionalGroupsSequence").EnumerateArray()
            .Select(f => int.Parse(f.GetProperty("SegmentIdentificationSequence")[0].GetProperty("ReferencedSegmentNumber").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var size = seg.PixelShape[1] * seg.PixelShape[2];
        return frames.Select((segment, i) => segment == 3 ? seg.PixelValues.Skip(i * size).Take(size).Sum() : 0).Sum();
    }

    [Fact]
    public void Without_lge_the_label_map_lies_on_the_cine_at_end_diastole_and_no_ct_file_is_written()
    {
        Assert.Equal([TreatmentFileRole.CmrSurfaces, TreatmentFileRole.CmrLabelMap], exported.WithoutLge.Where(f => f.IsDicom).Select(f => f.Role));
        var seg = DicomValidators.AssertValid(exported.WithoutLge.Single(f => f.Role == TreatmentFileRole.CmrLabelMap).Path);
        Assert.Equal(["LV myocardium", "LV lead target area"], seg.Attributes.GetProperty("SegmentSequence").EnumerateArray().Select(s => s.GetProperty("SegmentLabel").GetString()));
        Assert.Equal(exported.Patient.Cine.SeriesInstanceUid, seg.Attributes.GetProperty("ReferencedSeriesSequence")[0].GetProperty("SeriesInstanceUID").GetString());
        var surfaces = DicomSurfaceSegmentationReader.Read(exported.WithoutLge.Single(f => f.Role == TreatmentFileRole.CmrSurfaces).Path);
        Assert.DoesNotContain("Scar", surfaces.Segments.Select(s => s.Label));
    }

    [Fact]
    public void The_apical_cap_cannot_be_a_target()
    {
        var error = Assert.Throws<ArgumentException>(() => TreatmentExport.Write(RepoPaths.ScratchFolder("treatment-export-cap"), exported.Request with { PrimaryTarget = SegmentId.Of36(0) }));
        Assert.Contains("ring segment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_request_gives_the_same_bytes_and_uids()
    {
        Assert.Equal(exported.First.Count, exported.Second.Count);
        foreach (var (a, b) in exported.First.Zip(exported.Second))
        {
            Assert.Equal((a.Role, a.Kind, a.SopInstanceUid, a.Sha256, Path.GetFileName(a.Path)), (b.Role, b.Kind, b.SopInstanceUid, b.Sha256, Path.GetFileName(b.Path)));
            Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        }
    }

    [Fact]
    public void The_dicom_files_map_onto_the_domain_event_with_their_hashes()
    {
        var files = TreatmentExport.ExportedFiles(exported.First);
        Assert.Equal([TreatmentFileKind.ScarAndTargets, TreatmentFileKind.ScarAndTargets, TreatmentFileKind.PhrenicNerveAndSinusOstium], files.Select(f => f.Kind));
        foreach (var (file, entry) in exported.First.Where(f => f.IsDicom).Zip(files))
        {
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.Path))), entry.Sha256);
            Assert.True(DicomUid.IsValid(entry.SopInstanceUid));
        }
    }

    [Fact]
    public void Meshes_and_pictures_read_back_with_independent_readers()
    {
        var epicardium = MeshFiles.Read(exported.First.Single(f => f.Path.EndsWith("lv-epicardium.vtk", StringComparison.Ordinal)).Path);
        Assert.Equal(exported.Analysis.Mesh.Value.Mesh.TriangleCount * 3, epicardium.Triangles.Count);
        Assert.Contains("segment36", epicardium.PointScalars.Keys);
        Assert.Single(MeshFiles.Read(exported.First.Single(f => f.Path.EndsWith("phrenic-nerve.vtk", StringComparison.Ordinal)).Path).Lines);
        var pngs = exported.First.Where(f => f.Path.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(["bullseye-scar.png", "bullseye-activation.png", "bullseye-targets.png", "strain-curves.png"], pngs.Select(p => Path.GetFileName(p.Path)));
        foreach (var png in pngs)
        {
            var picture = PictureValidators.ReadWithPillow(png.Path);
            Assert.Equal("RGB", picture.Mode);
            Assert.True(picture.Bytes.Distinct().Count() > 8, $"{png.Path} is not blank");
        }
        var svg = File.ReadAllText(exported.First.Single(f => f.Path.EndsWith("bullseye-targets.svg", StringComparison.Ordinal)).Path);
        Assert.Equal(37, System.Text.RegularExpressions.Regex.Count(svg, "<path "));
        Assert.Contains($"{SegmentModels.Describe(exported.Request.PrimaryTarget).Label}: primary target", svg, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(svg);
    }
}
