using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Ledger.Blobs;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Overlay;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Registration;

/// <summary>
/// On RegistrationAccepted and on LeadPositionMeasured: the registered plan drawn on every view of the acquisition
/// through that view's own C-arm geometry (FusionOverlay: epicardial outline, scar and chosen target area tinted, the
/// traced phrenic nerve, the CS ostium), after a lead measurement with the measured electrode marked; each view as a
/// PNG and as an RGB Secondary Capture in the X-ray's study, all stored as blobs with FluoroscopyOverlaysRendered.
/// Deterministic: the same events give the same bytes and UIDs.
/// </summary>
public sealed class OverlayHandler(ProcedureAppender appender, WorkerIdentity identity) : ProcedureJobHandler(appender, identity)
{
    public const string AlgorithmName = "cartledger.workers.fluoroscopy-overlay";
    public static readonly RgbColour ElectrodeColour = new(255, 255, 255);

    public override string Kind => WorkerJobs.RegistrationOverlay;
    protected override string ComputationName => "fluoroscopy-overlay";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var events = context.Records.Select(r => r.Event).ToList();
        var (registrationId, electrode) = context.Trigger.Event switch
        {
            RegistrationAccepted a => (a.RegistrationId, (LeadPositionMeasured?)null),
            LeadPositionMeasured { RegistrationId: { } measuredWith } m => (measuredWith, m),
            _ => (Guid.Empty, null),
        };
        var triggering = context.State.Registrations.FirstOrDefault(r => r.RegistrationId == registrationId && r.Status == RegistrationStatus.Accepted);
        if (triggering is null)
        {
            return JobOutcome.Nothing; // rejected or superseded since: nothing to draw
        }
        // Each model set is drawn with its own accepted registration: the CMR set (mesh, scar, targets) needs one; a CT
        // acceptance before the CMR's has nothing to draw the CT structures on yet (the CMR acceptance draws both).
        if (ModelSetPoses.Accepted(context.State, triggering.AcquisitionId, ModelSet.Cmr) is not { } registration)
        {
            return JobOutcome.Nothing;
        }
        var acquisition = RegistrationInputs.Acquisition(context.State, triggering.AcquisitionId);
        var mesh = await MeshBlob.LoadAsync(Appender.Store.DataSource, context.State, cancellationToken);
        var runs = await RegistrationInputs.RunsAsync(Appender, acquisition, cancellationToken);
        var pose = registration.Pose;
        var scene = SceneOf(context.State, events, mesh, acquisition.AcquisitionId);
        var method = registration.Method == RegistrationMethod.TwoViewLandmarks ? "landmarks" : "intensity";
        var views = new List<OverlayView>();
        var blobs = new List<byte[]>();
        var folder = Path.Combine(Path.GetTempPath(), $"cartledger-overlay-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            for (var v = 0; v < runs.Count; v++)
            {
                var frame = new XrayFrame(runs[v].Geometry, runs[v].Image.Frames[0]);
                var name = FusionOverlay.ViewName(frame.Geometry);
                var caption = electrode is null ? $"{name}, accepted registration ({method})" : $"{name}, {electrode.Electrode} in {electrode.Segment36}";
                var picture = FusionOverlay.Render(frame, pose, scene, caption);
                if (electrode is not null)
                {
                    MarkElectrode(picture, frame.Geometry.ToProjectionMatrix().Compose(pose).Project(new Vec3(electrode.ElectrodeLpsMm.X, electrode.ElectrodeLpsMm.Y, electrode.ElectrodeLpsMm.Z)));
                }
                var png = PngEncoder.Encode(picture);
                var header = runs[v].Image.Header;
                var written = FusionOverlay.WriteSecondaryCapture(Path.Combine(folder, $"view{v + 1}.dcm"), picture, header.Attributes.Text(DicomTags.PatientID)?.Trim(), header.StudyInstanceUid,
                    electrode is null ? $"CartLedger overlay {name}" : $"CartLedger overlay {name} {electrode.Electrode}", 900 + v);
                var capture = await File.ReadAllBytesAsync(written.Path, cancellationToken);
                views.Add(new OverlayView(v, acquisition.Views[v].Label, BlobStore.HashOf(png), written.SopInstanceUid, BlobStore.HashOf(capture)));
                blobs.Add(png);
                blobs.Add(capture);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var info = new AlgorithmInfo(AlgorithmName, WorkerVersion,
            [new("ctRegistration", ModelSetPoses.Accepted(context.State, acquisition.AcquisitionId, ModelSet.Ct)?.RegistrationId.ToString() ?? "none"),
                new("registration", method), new("trigger", electrode is null ? "registration-accepted" : "lead-position-measured")],
            [context.State.Mesh!.MeshSha256, .. acquisition.Views.Select(v => v.Sha256)], Hash(string.Join("\n", views.Select(v => $"{v.PngSha256} {v.SecondaryCaptureSha256}"))));
        return new JobOutcome([new RecordFluoroscopyOverlays(Identity.Actor, context.Now, acquisition.AcquisitionId, registrationId, views.ToValueList(), info)], blobs);
    }

    /// <summary>
    /// The plan in model coordinates: mesh, scar (proposal's threshold; per segment after a scar edit), chosen target
    /// area, the CMR set's phrenic nerve and CS ostium (marked, or the CMR landmark so named); and the CT model set
    /// (a nerve traced on a CT study, the CT landmark named ostium) with the accepted CT registration's pose, when there is one.
    /// </summary>
    private static OverlayScene SceneOf(ProcedureState state, IReadOnlyList<ProcedureEvent> events, MeshBlob mesh, Guid acquisitionId)
    {
        var threshold = state.Proposal?.Parameters.ScarTransmuralityThresholdPercent ?? 0;
        var area = state.Target is { } target ? target.TargetArea.Append(target.PrimaryTarget).Select(s => s.Number).ToHashSet() : [];
        var nerve = state.PhrenicNerve?.PathLpsMm.Select(Vec).ToList();
        var nerveOnCt = state.PhrenicNerve is { } traced && state.IsCtStudy(traced.StudyId);
        var ostiumOnCt = state.SinusOstium is { } marked && state.IsCtStudy(marked.StudyId);
        var ostium = state.SinusOstium is { } cmrOstium && !ostiumOnCt ? Vec(cmrOstium.PositionLpsMm) : LandmarkOstium(events, ModelSet.Cmr);
        var ctPose = ModelSetPoses.Accepted(state, acquisitionId, ModelSet.Ct)?.Pose;
        var ctSet = ctPose is { } placed
            ? new CtModelOverlay(placed, nerveOnCt && nerve is { Count: > 0 } ? nerve : null, ostiumOnCt ? Vec(state.SinusOstium!.PositionLpsMm) : LandmarkOstium(events, ModelSet.Ct))
            : null;
        return new OverlayScene(mesh.ToMesh(), RegistrationInputs.ScarredVertices(events, state, mesh, Math.Max(threshold, 0.5)), [.. mesh.Segment36.Select(area.Contains)],
            nerve is { Count: > 0 } && !nerveOnCt ? nerve : null, ostium, ctSet);
    }

    /// <summary>The CS ostium as picked among one model set's landmarks (its model point), if it was.</summary>
    private static Vec3? LandmarkOstium(IEnumerable<ProcedureEvent> events, ModelSet set) =>
        events.OfType<FluoroscopyLandmarksMarked>().LastOrDefault(l => l.ModelSet == set)?.Landmarks
            .FirstOrDefault(l => l.Name.Contains("ostium", StringComparison.OrdinalIgnoreCase)) is { } landmark ? Vec(landmark.ModelLpsMm) : null;

    /// <summary>A white cross (arms 7 px, 3 px wide) with a dark border at the measured electrode's projection.</summary>
    private static void MarkElectrode(RgbImage picture, Vec2 at)
    {
        var (cx, cy) = ((int)Math.Round(at.X, MidpointRounding.AwayFromZero), (int)Math.Round(at.Y, MidpointRounding.AwayFromZero));
        foreach (var (colour, arm, half) in new[] { (new RgbColour(0, 0, 0), 8, 2), (ElectrodeColour, 7, 1) })
        {
            for (var d = -arm; d <= arm; d++)
            {
                for (var t = -half; t <= half; t++)
                {
                    Set(picture, cx + d, cy + t, colour);
                    Set(picture, cx + t, cy + d, colour);
                }
            }
        }
    }

    private static void Set(RgbImage picture, int x, int y, RgbColour colour)
    {
        if (x >= 0 && y >= 0 && x < picture.Width && y < picture.Height)
        {
            picture[x, y] = (colour.R, colour.G, colour.B);
        }
    }

    private static Vec3 Vec(Point3Mm p) => new(p.X, p.Y, p.Z);
}
