using System.Globalization;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Registration;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Model;
using CartLedger.Registration.Similarity;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Registration;

/// <summary>What the registration handlers read from the ledger: the acquisition's frames (with geometry) and the epicardial mesh.</summary>
internal static class RegistrationInputs
{
    public static async Task<IReadOnlyList<XrayFrame>> FramesAsync(ProcedureAppender appender, FluoroscopyAcquired acquisition, CancellationToken cancellationToken) =>
        [.. (await RunsAsync(appender, acquisition, cancellationToken)).Select(run => new XrayFrame(run.Geometry, run.Image.Frames[0]))];

    /// <summary>Each view's stored X-ray run (image with header, C-arm geometry), in the acquisition's view order.</summary>
    public static async Task<IReadOnlyList<XRayRun>> RunsAsync(ProcedureAppender appender, FluoroscopyAcquired acquisition, CancellationToken cancellationToken)
    {
        var read = await StudyFiles.ReadAsync(new BlobStore(appender.Store.DataSource), acquisition.Views.Select(v => v.Sha256), cancellationToken);
        var runs = read.Loaded.Select(s => s.Content).OfType<XRayContent>().SelectMany(c => c.Runs).ToDictionary(r => r.Image.Header.SopInstanceUid ?? "");
        return [.. acquisition.Views.Select(v => runs.TryGetValue(v.SopInstanceUid, out var run)
            ? run
            : throw new ComputationProblem("view-unreadable", $"view '{v.Label}' ({v.SopInstanceUid}) no longer reads as an X-ray with C-arm geometry from its stored file"))];
    }

    /// <summary>
    /// Scar per vertex (transmurality above <paramref name="thresholdPercent"/>): the mesh's own (finer than segments)
    /// unless the scar was edited after the mesh was built; then the edited scar, per 36-segment, so distances and
    /// overlays follow the analyst's edit.
    /// </summary>
    public static bool[] ScarredVertices(IEnumerable<ProcedureEvent> stream, ProcedureState state, MeshBlob mesh, double thresholdPercent)
    {
        var events = stream.ToList();
        var editedAfterMesh = events.FindLastIndex(e => e is ScarEdited) > events.FindLastIndex(e => e is EpicardialMeshBuilt);
        if (!editedAfterMesh || state.Scar is not { } scar)
        {
            return [.. mesh.ScarTransmuralityPercent.Select(t => t > thresholdPercent)];
        }
        var scarred = scar.Transmurality.Where(t => t.TransmuralityPercent.Value > thresholdPercent).Select(t => t.Segment.Number).ToHashSet();
        return [.. mesh.Segment36.Select(scarred.Contains)];
    }

    public static FluoroscopyAcquired Acquisition(ProcedureState state, Guid acquisitionId) =>
        state.Acquisitions.FirstOrDefault(a => a.AcquisitionId == acquisitionId) ?? throw new ComputationProblem("fluoroscopy-unknown", $"acquisition {acquisitionId} is not in the procedure");

    public static AlgorithmParameter Parameter(string name, double value) => new(name, value.ToString("R", CultureInfo.InvariantCulture));
}

/// <summary>
/// On FluoroscopyAcquired: intensity registration of the epicardial model to the first two views at least 30 degrees
/// apart through the registration library's facade (FluoroscopyFusion.Propose, 6 degrees of freedom, gradient
/// correlation by default), started with the model centred at the isocentre, appended as RegistrationProposed with
/// pose, score (mean metric of the two views) and algorithm info. A likely failure is still proposed (the cardiologist
/// decides) and says so in its parameters. Fluoroscopy that arrives before the model ends in "model-missing"; on
/// EpicardialMeshBuilt the same job kind proposes for every acquisition that has no intensity proposal yet (one
/// RegistrationProposed each, or a ComputationFailed for one that cannot be registered), so either order ends in a proposal.
/// </summary>
public sealed class RegistrationProposalHandler(ProcedureAppender appender, WorkerIdentity identity, ProposalOptions? options = null) : ProcedureJobHandler(appender, identity)
{
    private readonly ProposalOptions _options = options ?? new ProposalOptions(SimilarityMethod.GradientCorrelationPositive, Threads: Math.Min(2, Environment.ProcessorCount));

    public override string Kind => WorkerJobs.RegistrationPropose;
    protected override string ComputationName => "registration";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.Event is FluoroscopyAcquired acquired)
        {
            if (context.State.Mesh is null)
            {
                throw new ComputationProblem("model-missing", "there is no epicardial model yet: the worker proposes a registration for this acquisition once the CMR analysis has built it (or mark landmarks)");
            }
            var mesh = await MeshBlob.LoadAsync(Appender.Store.DataSource, context.State, cancellationToken);
            return new JobOutcome([await ProposeAsync(context, acquired, mesh, DerivedIds.From("registration", context.Trigger.Recorded.EventId.ToString()), cancellationToken)], []);
        }
        // EpicardialMeshBuilt: the model has arrived; register every acquisition still waiting for a CMR proposal (a CT
        // model set's proposal, made on acquisition from the CT, does not count).
        var proposed = context.State.Registrations.Where(r => r.Method == RegistrationMethod.GradientCorrelation && r.ModelSet == ModelSet.Cmr).Select(r => r.AcquisitionId).ToHashSet();
        var waiting = context.State.Acquisitions.Where(a => !proposed.Contains(a.AcquisitionId)).ToList();
        if (waiting.Count == 0)
        {
            return JobOutcome.Nothing;
        }
        var model = await MeshBlob.LoadAsync(Appender.Store.DataSource, context.State, cancellationToken);
        var commands = new List<ProcedureCommand>();
        foreach (var acquisition in waiting)
        {
            var registrationId = DerivedIds.From("registration", context.Trigger.Recorded.EventId.ToString(), acquisition.AcquisitionId.ToString());
            try
            {
                commands.Add(await ProposeAsync(context, acquisition, model, registrationId, cancellationToken));
            }
            catch (ComputationProblem problem)
            {
                commands.Add(new RecordComputationFailure(Identity.Actor, context.Now, ComputationName, problem.Code, $"acquisition {acquisition.AcquisitionId}: {problem.Message}", null,
                    problem.Algorithm ?? new AlgorithmInfo("cartledger.workers.registration", WorkerVersion, [], [.. acquisition.Views.Select(v => v.Sha256)], Hash($"{problem.Code}\n{problem.Message}"))));
            }
        }
        return new JobOutcome(commands, []);
    }

    private async Task<ProposeRegistration> ProposeAsync(JobContext context, FluoroscopyAcquired acquired, MeshBlob mesh, Guid registrationId, CancellationToken cancellationToken)
    {
        var frames = await RegistrationInputs.FramesAsync(Appender, acquired, cancellationToken);
        var pair = Pairs(frames).FirstOrDefault(p => frames[p.A].Geometry.AngleBetweenViewsDeg(frames[p.B].Geometry) >= Triangulation.MinimumSeparationDeg);
        if (frames.Count < 2 || pair == default)
        {
            throw new ComputationProblem("views-insufficient", $"intensity registration needs two views at least {Triangulation.MinimumSeparationDeg:0} degrees apart; this acquisition has {frames.Count}: mark landmarks instead");
        }
        var model = mesh.ToMesh();
        var centre = model.Centroid();
        FusionProposal result;
        try
        {
            result = FluoroscopyFusion.Propose([frames[pair.A], frames[pair.B]], model,
                _options with
                {
                    DegreesOfFreedom = 6,
                    Start = RigidTransform.FromTranslation(frames[pair.A].Geometry.IsocenterLps - centre),
                    ModelCentre = centre,
                    VertexWeights = _options.VertexWeights ?? VisibilityWeights(mesh),
                });
        }
        catch (RegistrationInputException e)
        {
            throw new ComputationProblem("registration-input", e.Message);
        }
        var pose = Poses.ToDomain(result.Pose);
        var info = new AlgorithmInfo("cartledger.registration.two-view-intensity", result.Algorithm,
            [
                new("likelyFailure", result.LikelyFailure ? "true" : "false"),
                new("method", result.Method.ToString()),
                RegistrationInputs.Parameter("outlineOffsetMm", _options.OutlineOffsetMm),
                new("outlineWeights", _options.VertexWeights is null ? "lv-visibility-by-segment36" : "caller"),
                RegistrationInputs.Parameter("qualityScore", Math.Round(result.QualityScore, 4)),
                new("views", $"{pair.A},{pair.B}"),
            ],
            [context.State.Mesh!.MeshSha256, acquired.Views[pair.A].Sha256, acquired.Views[pair.B].Sha256], Hash(pose.ToString()));
        var score = Math.Round(result.MetricValue / result.Views.Count, 4);
        return new ProposeRegistration(Identity.Actor, context.Now, registrationId, acquired.AcquisitionId, RegistrationMethod.GradientCorrelation, pose, score, null, info);
    }

    /// <summary>
    /// Outline visibility per vertex (LeftVentricleVisibility: septum hidden inside the heart shadow, free wall and apex
    /// against lung) from each vertex's recorded 36-segment, at the segment's centre level and angle: the weighting the
    /// registration bench measured with.
    /// </summary>
    private static double[] VisibilityWeights(MeshBlob mesh) =>
        [.. mesh.Segment36.Select(number =>
        {
            var segment = SegmentModels.Describe(SegmentId.Of36(number));
            var level = segment.Level switch
            {
                SegmentLevel.Basal => 1.0 / 6,
                SegmentLevel.Mid => 0.5,
                SegmentLevel.Apical => 5.0 / 6,
                _ => 1.0,
            };
            return LeftVentricleVisibility.Weight((level, segment.IsApicalCap ? 0 : segment.Range.CentreDeg));
        })];

    private static IEnumerable<(int A, int B)> Pairs(IReadOnlyList<XrayFrame> frames)
    {
        for (var a = 0; a < frames.Count; a++)
        {
            for (var b = a + 1; b < frames.Count; b++)
            {
                yield return (a, b);
            }
        }
    }
}

/// <summary>On FluoroscopyLandmarksMarked: two-view landmark fusion (LandmarkFusion) re-solves the pose; RegistrationProposed (TwoViewLandmarks) with the expected target error.</summary>
public sealed class LandmarkRegistrationHandler(ProcedureAppender appender, WorkerIdentity identity) : ProcedureJobHandler(appender, identity)
{
    public override string Kind => WorkerJobs.RegistrationLandmarks;
    protected override string ComputationName => "landmark-registration";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var marked = (FluoroscopyLandmarksMarked)context.Trigger.Event;
        var acquisition = RegistrationInputs.Acquisition(context.State, marked.AcquisitionId);
        var frames = await RegistrationInputs.FramesAsync(Appender, acquisition, cancellationToken);
        var landmarks = marked.Landmarks.Select(l => new ModelLandmark(l.Name, new Vec3(l.ModelLpsMm.X, l.ModelLpsMm.Y, l.ModelLpsMm.Z))).ToList();
        var clicks = marked.Landmarks.SelectMany(l => l.Picks.Select(p => new LandmarkClick(l.Name, p.ViewIndex, new Vec2(p.ColumnPx, p.RowPx)))).ToList();
        LandmarkFusionResult fused;
        try
        {
            fused = LandmarkFusion.Solve([.. frames.Select(f => f.Geometry)], landmarks, clicks);
        }
        catch (RegistrationInputException e)
        {
            throw new ComputationProblem("landmarks-invalid", e.Message);
        }
        var pose = Poses.ToDomain(fused.Pose);
        var info = new AlgorithmInfo("cartledger.registration.landmark-fusion", "1.0.0",
            [RegistrationInputs.Parameter("rmsResidualMm", Math.Round(fused.RmsResidualMm, 3)), RegistrationInputs.Parameter("viewSeparationDeg", Math.Round(fused.ViewSeparationDeg, 2))],
            [Hash(context.Trigger.Recorded.Data), .. acquisition.Views.Select(v => v.Sha256)], Hash(pose.ToString()));
        var tre = fused.ExpectedTargetErrorMm is { } e2 && double.IsFinite(e2) ? new Millimetres(Math.Round(e2, 2)) : (Millimetres?)null;
        var registrationId = DerivedIds.From("registration", context.Trigger.Recorded.EventId.ToString());
        return new JobOutcome([new ProposeRegistration(Identity.Actor, context.Now, registrationId, acquisition.AcquisitionId, RegistrationMethod.TwoViewLandmarks, pose,
            Math.Round(fused.RmsResidualMm, 3), tre, info, marked.ModelSet)], []);
    }
}

/// <summary>
/// On ElectrodeMarked: the electrode is triangulated from its marks, brought into the model by the latest accepted
/// registration of that acquisition, located on the epicardial mesh (36/18/AHA 17) and measured against the chosen
/// target, the scar and the phrenic nerve (LeadPositionMeasurement); LeadPositionMeasured (the decider adds the categories).
/// </summary>
public sealed class LeadMeasurementHandler(ProcedureAppender appender, WorkerIdentity identity) : ProcedureJobHandler(appender, identity)
{
    public override string Kind => WorkerJobs.RegistrationMeasure;
    protected override string ComputationName => "lead-measurement";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var marked = (ElectrodeMarked)context.Trigger.Event;
        var acquisition = RegistrationInputs.Acquisition(context.State, marked.AcquisitionId);
        var accepted = ModelSetPoses.Cmr(context.State, marked.AcquisitionId);
        var nervePose = ModelSetPoses.PhrenicNerve(context.State, marked.AcquisitionId, accepted);
        var pose = accepted.Pose;
        var mesh = await MeshBlob.LoadAsync(Appender.Store.DataSource, context.State, cancellationToken);
        var frames = await RegistrationInputs.FramesAsync(Appender, acquisition, cancellationToken);
        var surface = new SegmentedSurface(mesh.ToMesh(), mesh.Locations(), RegistrationInputs.ScarredVertices(context.Records.Select(r => r.Event), context.State, mesh, 0));
        var target = context.State.Target;
        var nerve = context.State.PhrenicNerve?.PathLpsMm.Select(p => nervePose.Pose.Apply(new Vec3(p.X, p.Y, p.Z))).ToList();
        var plan = new LeadPlan(target?.PrimaryTarget, target?.TargetArea.ToList() ?? [], nerve);
        var clicks = marked.Picks.Select(p => new ViewPoint(frames[p.ViewIndex].Geometry, new Vec2(p.ColumnPx, p.RowPx))).ToList();
        var result = LeadPositionMeasurement.Measure(clicks, pose, surface, plan);
        var modelPoint = pose.Inverse().Apply(result.ElectrodeLps);
        static Millimetres? Mm(double? d) => d is { } v && double.IsFinite(v) ? new Millimetres(Math.Round(Math.Clamp(v, 0, 300), 1)) : null;
        return new JobOutcome([new MeasureLeadPosition(Identity.Actor, context.Now, accepted.RegistrationId, marked.Electrode,
            new Point3Mm(Math.Round(modelPoint.X, 2), Math.Round(modelPoint.Y, 2), Math.Round(modelPoint.Z, 2)),
            result.Segments.Segment36.IsApicalCap ? SegmentId.ApicalCap(SegmentModelKind.ThirtySix) : result.Segments.Segment36,
            Mm(result.DistanceToTargetMm), Mm(result.DistanceToScarMm), Mm(result.DistanceToPhrenicNerveMm), nerve is null ? null : nervePose.RegistrationId)], []);
    }
}
