using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Ledger.Blobs;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Overlay;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Registration;

namespace CartLedger.Console.Verbs.Demo.Phantom;

/// <summary>
/// The demo's picture and file outputs: the treatment export (written by the worker's export into
/// <c>phantom/treatment</c>) and the fused overlays of the accepted registration on both fluoroscopy views
/// (<c>phantom/overlay</c>: a PNG per view and one RGB Secondary Capture).
/// </summary>
public static class PhantomOutputs
{
    public static string TreatmentFolder(PhantomDemo demo) => Path.Combine(demo.Folder, "treatment");

    public static string OverlayFolder(PhantomDemo demo) => Path.Combine(demo.Folder, "overlay");

    /// <summary>Says where the treatment export put its files (DICOM, Slicer meshes, bullseye and strain pictures).</summary>
    public static void SayTreatmentFiles(PhantomDemo demo, TreatmentFilesExported? exported)
    {
        var folder = TreatmentFolder(demo);
        if (exported is null || !Directory.Exists(folder))
        {
            demo.Context.Say("no treatment files were exported: see the failure above");
            return;
        }
        demo.Context.Say($"treatment files exported ({exported.Files.Count} DICOM files stored as blobs): {folder}");
        demo.Context.Say($"  scar in the files: {exported.Scar switch
        {
            null => "none (no LGE)",
            { Edit: null } scar => $"automatic FWHM, threshold {scar.ThresholdFraction:0.##}, burden {scar.ScarBurdenPercent}",
            { Edit: { } edit } scar => $"as the analyst edited it at {edit.EditedAt:HH:mm} (threshold {edit.ThresholdFraction:0.##}, {edit.ErasedPixelCount} px erased, {edit.AddedPixelCount} added), burden {scar.ScarBurdenPercent}",
        }}");
        foreach (var sub in new[] { "dicom", "pictures", "slicer" })
        {
            var path = Path.Combine(folder, sub);
            if (Directory.Exists(path))
            {
                var names = Directory.EnumerateFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal);
                demo.Context.Say($"  {Path.Combine(folder, sub)}/: {string.Join(", ", names)}");
            }
        }
    }

    /// <summary>
    /// Draws the epicardium (outline), scar, chosen target area, traced phrenic nerve and CS ostium (the landmark, when
    /// marked) through <paramref name="accepted"/> on every view of the XA folder; returns the files written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteOverlaysAsync(PhantomDemo demo, RegistrationProposed accepted, CancellationToken cancellationToken)
    {
        var events = await demo.EventsAsync(cancellationToken);
        if (events.OfType<EpicardialMeshBuilt>().LastOrDefault() is not { } built)
        {
            return [];
        }
        var mesh = MeshBlob.Parse(await new BlobStore(demo.Context.DataSource).GetAsync(built.MeshSha256, cancellationToken));
        var threshold = events.OfType<TargetsProposed>().LastOrDefault()?.Parameters.ScarTransmuralityThresholdPercent ?? 0;
        var target = events.OfType<TargetChosen>().LastOrDefault();
        var area = target is null ? [] : target.TargetArea.Append(target.PrimaryTarget).Select(s => s.Number).ToHashSet();
        var state = ProcedureEvolution.Fold(events);
        var traced = events.OfType<PhrenicNerveTraced>().LastOrDefault();
        var nerve = traced?.PathLpsMm.Select(Vec).ToList();
        var ostium = events.OfType<CoronarySinusOstiumMarked>().LastOrDefault()?.PositionLpsMm is { } marked ? Vec(marked) : LandmarkOstium(events, ModelSet.Cmr);
        // The CT model set (a nerve traced on the CT) is drawn with the accepted CT registration's pose, not the CMR's.
        var ctPose = state.AcceptedRegistration(accepted.AcquisitionId, ModelSet.Ct)?.Pose;
        var nerveOnCt = traced is not null && state.IsCtStudy(traced.StudyId) && ctPose is not null;
        var ct = ctPose is null ? null : new CtModelOverlay(Poses.FromDomain(ctPose), nerveOnCt ? nerve : null, LandmarkOstium(events, ModelSet.Ct));
        var scene = new OverlayScene(mesh.ToMesh(), [.. mesh.ScarTransmuralityPercent.Select(t => t > Math.Max(threshold, 0.5))], [.. mesh.Segment36.Select(area.Contains)],
            nerve is { Count: > 0 } && !nerveOnCt ? nerve : null, ostium, ct);
        var pose = Poses.FromDomain(accepted.Pose);
        var folder = OverlayFolder(demo);
        Directory.CreateDirectory(folder);
        var views = Directory.EnumerateFiles(demo.Folders.Xa, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(XrayDicom.Load).ToList();
        var written = new List<string>();
        for (var v = 0; v < views.Count; v++)
        {
            var picture = FusionOverlay.Render(views[v].Frame, pose, scene, $"{FusionOverlay.ViewName(views[v].Frame.Geometry)}, accepted registration ({(accepted.Method == RegistrationMethod.TwoViewLandmarks ? "landmarks" : "intensity")})");
            var png = Path.Combine(folder, $"overlay-view{v + 1}.png");
            PngEncoder.Write(png, picture);
            written.Add(png);
            if (v == 0)
            {
                var dicom = FusionOverlay.WriteSecondaryCapture(Path.Combine(folder, $"overlay-view{v + 1}.dcm"), picture, views[v].PatientId, views[v].StudyInstanceUid,
                    $"CartLedger overlay {FusionOverlay.ViewName(views[v].Frame.Geometry)}", 900 + v);
                written.Add(dicom.Path);
            }
        }
        return written;
    }

    private static Vec3 Vec(Domain.Values.Point3Mm p) => new(p.X, p.Y, p.Z);

    /// <summary>The CS ostium as picked among one model set's landmarks (its model point), if it was.</summary>
    private static Vec3? LandmarkOstium(IEnumerable<ProcedureEvent> events, ModelSet set) =>
        events.OfType<FluoroscopyLandmarksMarked>().LastOrDefault(l => l.ModelSet == set)?.Landmarks.FirstOrDefault(l => l.Name.Contains("ostium", StringComparison.OrdinalIgnoreCase)) is { } landmark
            ? Vec(landmark.ModelLpsMm) : null;
}
