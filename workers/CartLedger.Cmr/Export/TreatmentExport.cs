using System.Globalization;
using System.Security.Cryptography;
using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Export.Pictures;
using CartLedger.Cmr.Provenance;
using CartLedger.Cmr.Segments;
using CartLedger.Cmr.Surface;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Export;

/// <summary>
/// Writes the treatment files of a chosen target (seed 1's CARTBox output, SCIENCE.md 7) into a folder:
/// <list type="bullet">
/// <item>dicom/cmr-surfaces.dcm: Surface Segmentation in the CMR frame (LV epicardium, scar, target area, primary target);</item>
/// <item>dicom/cmr-seg.dcm: Segmentation (SEG, binary frames) on the LGE grid (cine end-diastole without LGE): myocardium, scar, target area;</item>
/// <item>dicom/ct-surfaces.dcm: Surface Segmentation in the CT frame (left phrenic nerve, CS ostium), when traced; seed 1 fused CT and CMR separately;</item>
/// <item>slicer/*.vtk|stl|obj: mesh copies for 3D Slicer (the epicardium's VTK carries per-point segment, scar and activation);</item>
/// <item>pictures/*.svg|png: bullseyes of scar, activation and targets, and the strain curves.</item>
/// </list>
/// Deterministic: UIDs derive from a hash of the inputs, dates from <see cref="TreatmentRequest.ExportedAt"/>; the same
/// request gives the same bytes. Files appear atomically; existing files of the same names are replaced.
/// </summary>
public static class TreatmentExport
{
    public const string SeriesDescriptionCmr = "CRT treatment surfaces (CMR)";
    public const string Version = "1.0.0";

    private static readonly RgbColour EpicardiumColour = new(205, 160, 140);
    private static readonly RgbColour MyocardiumColour = new(205, 160, 140);
    private static readonly RgbColour ScarColour = new(180, 30, 30);
    private static readonly RgbColour AreaColour = new(240, 190, 60);
    private static readonly RgbColour PrimaryColour = new(213, 94, 0);
    private static readonly RgbColour NerveColour = new(250, 220, 0);
    private static readonly RgbColour OstiumColour = new(60, 120, 255);

    public static IReadOnlyList<TreatmentFile> Write(string folder, TreatmentRequest request)
    {
        Check(request);
        var analysis = request.Analysis;
        var key = InputHash(request);
        var files = new List<TreatmentFile>();
        var dicom = Path.Combine(folder, "dicom");
        Directory.CreateDirectory(dicom);

        var surfaces = CmrSurfaces(request);
        var cmrSeries = new DicomSeries(request.CmrStudy, DicomUid.FromParts("cartledger treatment", key, "cmr surfaces"), request.Cine.FrameOfReferenceUid,
            901, SeriesDescriptionCmr, request.ExportedAt);
        var written = DicomWriter.WriteSurfaceSegmentation(Path.Combine(dicom, "cmr-surfaces.dcm"), new DicomInstance(cmrSeries, 1, null, request.ExportedAt),
            new SegmentationContent("CRT_TREATMENT", $"LV epicardium, scar and targets; primary {request.PrimaryTarget}"), surfaces.Select(s => s.Segment).ToList(),
            CmrSources(request), new SurfaceAlgorithm("CartLedger epicardial loft", Algorithms.MeshVersion, $"pointsPerRing={EpicardialLoft.PointsPerRing}"));
        files.Add(Dicom(TreatmentFileRole.CmrSurfaces, TreatmentFileKind.ScarAndTargets, written));

        var (sources, masks, frame) = LabelMaps(request);
        var segSeries = new DicomSeries(request.CmrStudy, DicomUid.FromParts("cartledger treatment", key, "cmr seg"), frame, 902, "CRT treatment label map (CMR)", request.ExportedAt);
        written = DicomWriter.WriteSegmentation(Path.Combine(dicom, "cmr-seg.dcm"), new DicomInstance(segSeries, 1, null, request.ExportedAt),
            new SegmentationContent("CRT_LABELMAP", "LV myocardium, scar and target area"), sources, SegSegments(request), masks);
        files.Add(Dicom(TreatmentFileRole.CmrLabelMap, TreatmentFileKind.ScarAndTargets, written));

        var ctSurfaces = CtSurfaces(request.CtStructures);
        if (ctSurfaces.Count > 0)
        {
            var ct = request.CtStructures!;
            var ctSeries = new DicomSeries(request.CtStudy ?? request.CmrStudy, DicomUid.FromParts("cartledger treatment", key, "ct surfaces"), ct.CtFrameOfReferenceUid,
                903, "CRT treatment structures (CT)", request.ExportedAt);
            written = DicomWriter.WriteSurfaceSegmentation(Path.Combine(dicom, "ct-surfaces.dcm"), new DicomInstance(ctSeries, 1, null, request.ExportedAt),
                new SegmentationContent("CRT_CT_STRUCT", "Left phrenic nerve and coronary sinus ostium (traced on CT)"), ctSurfaces.Select(s => s.Segment).ToList(),
                request.CtSources ?? [], new SurfaceAlgorithm("Manual tracing (3D Slicer markups)", "1"));
            files.Add(Dicom(TreatmentFileRole.CtSurfaces, TreatmentFileKind.PhrenicNerveAndSinusOstium, written));
        }

        var slicer = Path.Combine(folder, "slicer");
        foreach (var (name, mesh) in surfaces.Select(s => (s.FileName, s.Data)).Concat(ctSurfaces.Select(s => (s.FileName, s.Data))))
        {
            string[] extensions = mesh.Triangles.Count > 0 ? [".vtk", ".stl", ".obj"] : [".vtk", ".obj"];
            foreach (var extension in extensions)
            {
                var path = Path.Combine(slicer, name + extension);
                MeshFiles.Write(path, extension == ".vtk" ? mesh : mesh with { PointScalars = new Dictionary<string, IReadOnlyList<double>>() });
                files.Add(Plain(TreatmentFileRole.Mesh, path));
            }
        }

        var pictures = Path.Combine(folder, "pictures");
        var transmurality = new double[37];
        var activation = new double?[37];
        foreach (var m in analysis.Measurements)
        {
            transmurality[m.Segment.Number] = m.ScarTransmuralityPercent;
            activation[m.Segment.Number] = m.TimeToPeakMs;
        }
        var categories = TreatmentPictures.Categories(analysis.Proposal, request.PrimaryTarget, request.AreaWithPrimary, analysis.Measurements);
        (string Name, Drawing Drawing)[] drawings =
        [
            ("bullseye-scar", TreatmentPictures.ScarBullseye(transmurality)),
            ("bullseye-activation", TreatmentPictures.ActivationBullseye(activation)),
            ("bullseye-targets", TreatmentPictures.TargetBullseye(categories)),
            ("strain-curves", TreatmentPictures.StrainCurves(analysis.Activation.Value, request.PrimaryTarget)),
        ];
        foreach (var (name, drawing) in drawings)
        {
            var svg = Path.Combine(pictures, name + ".svg");
            AtomicFile.WriteAllText(svg, drawing.ToSvg());
            files.Add(Plain(TreatmentFileRole.Picture, svg));
            var png = Path.Combine(pictures, name + ".png");
            PngEncoder.Write(png, drawing.ToRaster());
            files.Add(Plain(TreatmentFileRole.Picture, png));
        }
        return files;
    }

    /// <summary>The DICOM files as the domain's TreatmentFilesExported entries.</summary>
    public static IReadOnlyList<ExportedFile> ExportedFiles(IEnumerable<TreatmentFile> files) => files.Select(f => f.ToExportedFile()).OfType<ExportedFile>().ToList();

    private sealed record Surface(SurfaceSegment Segment, string FileName, MeshData Data);

    private static List<Surface> CmrSurfaces(TreatmentRequest request)
    {
        var mesh = request.Analysis.Mesh.Value;
        var threshold = request.Analysis.Proposal.Parameters.ScarTransmuralityThresholdPercent;
        var area = request.AreaWithPrimary.ToHashSet();
        var automatic = $"CartLedger cmr {Algorithms.MeshVersion}";
        var rule = $"CartLedger target rule {Domain.Targeting.TargetProposer.RuleVersion}";
        var surfaces = new List<Surface>
        {
            new(new SurfaceSegment(new SegmentDescription(1, "LV epicardium", SegmentationCodes.AnatomicalStructure, SegmentationCodes.LvEpicardium, EpicardiumColour, "AUTOMATIC", automatic),
                new TriangleSurface(mesh.Mesh), 0.6), "lv-epicardium", EpicardiumData(mesh)),
        };
        var number = 2;
        void Add(string label, CodedConcept category, CodedConcept type, RgbColour colour, string algorithmType, string algorithm, TriangleMesh part, string file)
        {
            if (part.TriangleCount == 0)
            {
                return;
            }
            surfaces.Add(new Surface(new SurfaceSegment(new SegmentDescription(number++, label, category, type, colour, algorithmType, algorithm), new TriangleSurface(part)), file, MeshData.From(part)));
        }
        Add("Scar", SegmentationCodes.MorphologicallyAlteredStructure, SegmentationCodes.Infarct, ScarColour, "AUTOMATIC", automatic,
            mesh.Submesh(v => v.ScarTransmuralityPercent > Math.Max(threshold, 0.5)), "scar");
        Add("LV lead target area", SegmentationCodes.PlanningTarget, SegmentationCodes.LeadTargetArea, AreaColour, "SEMIAUTOMATIC", rule,
            mesh.Submesh(v => area.Contains(v.Location.Segment36)), "target-area");
        Add($"Primary target {request.PrimaryTarget}", SegmentationCodes.PlanningTarget, SegmentationCodes.LeadTargetArea, PrimaryColour, "SEMIAUTOMATIC", rule,
            mesh.Submesh(v => v.Location.Segment36 == request.PrimaryTarget), "primary-target");
        return surfaces;
    }

    /// <summary>The epicardium with per-point scalars: 36-segment number (0 = apical cap), scar %, time to peak (ms, -1 where not measured), level fraction.</summary>
    private static MeshData EpicardiumData(EpicardialMesh mesh) => MeshData.From(mesh.Mesh, new Dictionary<string, IReadOnlyList<double>>
    {
        ["segment36"] = mesh.Vertices.Select(v => (double)v.Location.Segment36.Number).ToList(),
        ["scar_transmurality_percent"] = mesh.Vertices.Select(v => Math.Round(v.ScarTransmuralityPercent, 3)).ToList(),
        ["activation_ms"] = mesh.Vertices.Select(v => v.ActivationMs is { } t ? Math.Round(t, 3) : -1).ToList(),
        ["level_fraction"] = mesh.Vertices.Select(v => Math.Round(v.LevelFraction, 4)).ToList(),
    });

    private static List<Surface> CtSurfaces(CtStructures.CtStructureModel? ct)
    {
        var surfaces = new List<Surface>();
        if (ct is null)
        {
            return surfaces;
        }
        if (ct.PhrenicNervePathLps.Count >= 2)
        {
            surfaces.Add(new Surface(new SurfaceSegment(new SegmentDescription(surfaces.Count + 1, "Left phrenic nerve", SegmentationCodes.AnatomicalStructure, SegmentationCodes.PhrenicNerve, NerveColour, "MANUAL", null),
                new PolylineSurface(ct.PhrenicNervePathLps)), "phrenic-nerve", MeshData.Polyline(ct.PhrenicNervePathLps)));
        }
        if (ct.CoronarySinusOstiumLps is { } ostium)
        {
            surfaces.Add(new Surface(new SurfaceSegment(new SegmentDescription(surfaces.Count + 1, "Coronary sinus ostium", SegmentationCodes.Landmark, SegmentationCodes.CoronarySinusOstium, OstiumColour, "MANUAL", null),
                new PointSetSurface([ostium])), "cs-ostium", MeshData.PointSet([ostium])));
        }
        return surfaces;
    }

    private static List<SegmentDescription> SegSegments(TreatmentRequest request)
    {
        var automatic = $"CartLedger cmr {Algorithms.ScarVersion}";
        var segments = new List<SegmentDescription>
        {
            new(1, "LV myocardium", SegmentationCodes.AnatomicalStructure, SegmentationCodes.Myocardium, MyocardiumColour, "AUTOMATIC", automatic),
        };
        if (HasScarLabels(request))
        {
            segments.Add(new(2, "Scar", SegmentationCodes.MorphologicallyAlteredStructure, SegmentationCodes.Infarct, ScarColour, "AUTOMATIC", automatic));
        }
        segments.Add(new(TargetNumber(request), "LV lead target area", SegmentationCodes.PlanningTarget, SegmentationCodes.LeadTargetArea, AreaColour, "SEMIAUTOMATIC",
            $"CartLedger target rule {Domain.Targeting.TargetProposer.RuleVersion}"));
        return segments;
    }

    /// <summary>
    /// The SEG frames: on every LGE slice of the scar step (its myocardium, scar and the myocardium of the target
    /// area), or without LGE on every cine slice with LV at end-diastole (myocardium and target area).
    /// </summary>
    private static (IReadOnlyList<SegmentationSource> Sources, SegmentationMasks Masks, string FrameOfReference) LabelMaps(TreatmentRequest request)
    {
        var analysis = request.Analysis;
        var map = new SegmentMap(analysis.Segmentation.Value);
        var area = request.AreaWithPrimary.ToHashSet();
        if (analysis.Scar is { Value: var scar } && request.Lge is { } lge)
        {
            var sources = scar.Slices.Select(s => new SegmentationSource(SopClasses.MrImage, s.Slice.SopInstanceUid, lge.SeriesInstanceUid, s.Slice.Plane, s.Slice.Image.Width, s.Slice.Image.Height)).ToList();
            var masks = new SegmentationMasks(sources[0].Columns, sources[0].Rows, sources.Count);
            for (var i = 0; i < scar.Slices.Count; i++)
            {
                var s = scar.Slices[i];
                RequireGrid(masks, s.Slice.Image.Width, s.Slice.Image.Height);
                masks.Set(1, i, s.Myocardium.Bits);
                masks.Set(2, i, s.Scar.Bits);
                masks.Set(TargetNumber(request), i, TargetMask(s.Myocardium.Bits, s.Slice.Image.Width, s.Slice.Contours.Endocardium, angle => map.Locate(s.Slice.CineSliceIndex, s.Slice.Plane, angle), area));
            }
            return (sources, masks, lge.FrameOfReferenceUid);
        }
        var segmentation = analysis.Segmentation.Value;
        var ed = segmentation.EndDiastolePhase;
        var slices = segmentation.SlicesBaseToApex.Where(s => s.HasLv).ToList();
        if (slices.Count == 0)
        {
            throw new CmrAnalysisException("lv-not-found", "No cine slice has LV contours: nothing to put in the label map.");
        }
        var cineSlices = request.Cine.Slices;
        var cineSources = new List<SegmentationSource>();
        foreach (var slice in slices)
        {
            var cine = cineSlices.FirstOrDefault(c => c.Plane.Origin.DistanceTo(slice.Plane.Origin) < 1e-6)
                ?? throw new ArgumentException($"The cine stack has no slice at {slice.Plane.Origin}: the analysis was made from another stack.", nameof(request));
            cineSources.Add(new SegmentationSource(SopClasses.MrImage, cine.SopInstanceUids[ed], request.Cine.SeriesInstanceUid, slice.Plane, slice.Width, slice.Height));
        }
        var cineMasks = new SegmentationMasks(slices[0].Width, slices[0].Height, slices.Count);
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            RequireGrid(cineMasks, slice.Width, slice.Height);
            var contours = slice.Phases[ed];
            var myocardium = contours.MyocardiumMask(slice.Width, slice.Height).Bits;
            cineMasks.Set(1, i, myocardium);
            cineMasks.Set(TargetNumber(request), i, TargetMask(myocardium, slice.Width, contours.Endocardium, angle => map.Locate(slice, angle), area));
        }
        return (cineSources, cineMasks, request.Cine.FrameOfReferenceUid);
    }

    /// <summary>SEG segment numbers run 1, 2, ... without gaps (dciodvfy): the target area is 3 after scar, else 2.</summary>
    private static bool HasScarLabels(TreatmentRequest request) => request.Analysis.Scar is not null && request.Lge is not null;

    private static int TargetNumber(TreatmentRequest request) => HasScarLabels(request) ? 3 : 2;

    private static byte[] TargetMask(byte[] myocardium, int width, Contours.PolarContour endocardium, Func<double, SegmentLocation?> locate, HashSet<SegmentId> area)
    {
        var target = new byte[myocardium.Length];
        for (var i = 0; i < myocardium.Length; i++)
        {
            if (myocardium[i] == 0)
            {
                continue;
            }
            var angle = endocardium.Grid.AngleOf(new Vec2(i % width, i / width) - endocardium.Centre);
            if (locate(angle) is { } location && area.Contains(location.Segment36))
            {
                target[i] = 1;
            }
        }
        return target;
    }

    private static void RequireGrid(SegmentationMasks masks, int width, int height)
    {
        if (width != masks.Columns || height != masks.Rows)
        {
            throw new CmrAnalysisException("seg-grid-mismatch", $"Slices of {masks.Columns}x{masks.Rows} and {width}x{height} pixels: one SEG needs one grid size.");
        }
    }

    private static IReadOnlyList<SourceInstance> CmrSources(TreatmentRequest request)
    {
        var ed = request.Analysis.Segmentation.Value.EndDiastolePhase;
        var sources = request.Cine.Slices.Where(s => s.SopInstanceUids.Count > ed && s.SopInstanceUids[ed].Length > 0)
            .Select(s => new SourceInstance(SopClasses.MrImage, s.SopInstanceUids[ed], request.Cine.SeriesInstanceUid)).ToList();
        if (request.Analysis.Scar is { Value: var scar } && request.Lge is { } lge)
        {
            sources.AddRange(scar.Slices.Where(s => s.Slice.SopInstanceUid.Length > 0).Select(s => new SourceInstance(SopClasses.MrImage, s.Slice.SopInstanceUid, lge.SeriesInstanceUid)));
        }
        return sources;
    }

    private static void Check(TreatmentRequest request)
    {
        if (request.PrimaryTarget.Model != SegmentModelKind.ThirtySix || request.PrimaryTarget.IsApicalCap)
        {
            throw new ArgumentException($"The primary target must be a 36-segment ring segment, got {request.PrimaryTarget}.", nameof(request));
        }
        if (request.TargetArea.Any(s => s.Model != SegmentModelKind.ThirtySix || s.IsApicalCap))
        {
            throw new ArgumentException("Every target area segment must be a 36-segment ring segment.", nameof(request));
        }
        if (request.Analysis.Scar is not null && request.Lge is null)
        {
            throw new ArgumentException("The analysis has scar but no LGE stack was given: the label map needs the LGE grid.", nameof(request));
        }
    }

    /// <summary>What the UIDs derive from: the analysis outputs, the choice, the CT structures and the study.</summary>
    private static string InputHash(TreatmentRequest request)
    {
        using var h = new CanonicalHash();
        var a = request.Analysis;
        h.Add("cartledger treatment export").Add(Version).Add(request.CmrStudy.StudyInstanceUid).Add(request.Cine.SeriesInstanceUid).Add(request.Lge?.SeriesInstanceUid ?? "")
            .Add(a.Segmentation.Algorithm.OutputSha256).Add(a.Scar?.Algorithm.OutputSha256 ?? "").Add(a.Activation.Algorithm.OutputSha256).Add(a.Mesh.Algorithm.OutputSha256)
            .Add(request.PrimaryTarget.Number).Add(string.Join(',', request.AreaWithPrimary.Select(s => s.Number.ToString(CultureInfo.InvariantCulture))))
            .Add(request.ExportedAt.ToString("O", CultureInfo.InvariantCulture));
        if (request.CtStructures is { } ct)
        {
            h.Add(ct.CtFrameOfReferenceUid).Add(ct.PhrenicNervePathLps.Count);
            foreach (var p in ct.PhrenicNervePathLps.Append(ct.CoronarySinusOstiumLps ?? new Vec3(double.NaN, 0, 0)))
            {
                h.Add(p.X).Add(p.Y).Add(p.Z);
            }
        }
        return h.Hex();
    }

    private static TreatmentFile Dicom(TreatmentFileRole role, TreatmentFileKind kind, WrittenInstance written) =>
        new(role, kind, written.SopInstanceUid, Sha256Of(written.Path), written.Path);

    private static TreatmentFile Plain(TreatmentFileRole role, string path) => new(role, null, null, Sha256Of(path), Path.GetFullPath(path));

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
