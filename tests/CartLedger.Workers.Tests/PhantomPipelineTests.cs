using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Phantom;
using CartLedger.Ledger.Blobs;
using CartLedger.Testing;
using CartLedger.Workers.Cmr;
using CartLedger.Workers.Scenario;
using CartLedger.Workers.Tests.Support;

namespace CartLedger.Workers.Tests;

/// <summary>One small phantom patient, imported and analysed once for the class (the expensive part), on a fresh database.</summary>
public sealed class PhantomPipeline : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public WorkerLedger Ledger { get; private set; } = null!;
    public PhantomPatient Patient { get; private set; } = null!;
    public PhantomScenario.Folders Folders { get; private set; } = null!;
    public Guid ProcedureId { get; private set; }
    public Workers.Import.StudyImportResult CmrImport { get; private set; } = null!;
    public Hosting.DrainReport FirstDrain { get; private set; } = null!;

    /// <summary>How many events the procedure had after the first import and drain (later tests add more).</summary>
    public int FirstEventCount { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        Ledger = new WorkerLedger(_database);
        await Ledger.InitializeAsync(CancellationToken.None);
        Patient = PhantomGenerator.Generate(PhantomScenario.Options(seed: 3));
        Folders = PhantomScenario.Write(Patient, Path.Combine(RepoPaths.ScratchFolder("workers-phantom"), "patient"));
        ProcedureId = await Ledger.OpenProcedureAsync(CancellationToken.None);
        CmrImport = await Ledger.Importer.ImportAsync(Folders.Cmr, ProcedureId);
        // The CT model set before the cath lab: the CT (its own frame) and the phrenic nerve traced on it.
        var ct = await Ledger.Importer.ImportAsync(Folders.Ct, ProcedureId);
        await Ledger.StaffAsync(ProcedureId, new TracePhrenicNerve(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, ct.Studies.Single().StudyId!.Value, PhantomScenario.CtPhrenicNerve(Patient)), CancellationToken.None);
        FirstDrain = await Ledger.Host().DrainAsync();
        FirstEventCount = (await Ledger.EventsAsync(ProcedureId, CancellationToken.None)).Count;
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Phantom -> import -> worker -> events -> targets, then the cath-lab half, idempotency and an edit.</summary>
public partial class PhantomPipelineTests(PhantomPipeline pipeline) : IClassFixture<PhantomPipeline>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private WorkerLedger Ledger => pipeline.Ledger;
    private Guid Procedure => pipeline.ProcedureId;

    [Fact]
    public async Task The_CMR_worker_appends_the_planning_events_with_provenance_and_targets_near_the_phantom_truth()
    {
        var events = (await Ledger.EventsAsync(Procedure, Ct)).Take(pipeline.FirstEventCount).ToList();

        var study = Assert.Single(pipeline.CmrImport.Studies);
        Assert.Equal(["study_imported"], study.EventTypes);
        Assert.Contains(events, e => e is StudyImported { Modality: Modality.Cmr, Series.Count: 2 });
        var myocardium = Assert.Single(events.OfType<MyocardiumSegmented>());
        var scar = Assert.Single(events.OfType<ScarSegmented>());
        var activation = Assert.Single(events.OfType<MechanicalActivationMapped>());
        var mesh = Assert.Single(events.OfType<EpicardialMeshBuilt>());
        var targets = Assert.Single(events.OfType<TargetsProposed>());
        Assert.Empty(events.OfType<ComputationFailed>());
        Assert.All(new[] { myocardium.Algorithm, scar.Algorithm, activation.Algorithm, mesh.Algorithm }, a =>
        {
            Assert.StartsWith("cartledger.cmr.", a.Name, StringComparison.Ordinal);
            Assert.NotEmpty(a.InputSha256);
            Assert.Matches("^[0-9a-f]{64}$", a.OutputSha256);
        });
        Assert.All(new ProcedureEvent[] { myocardium, scar, activation, mesh, targets }, e => Assert.Equal(WorkerLedger.Identity.Actor, e.By));
        Assert.InRange(myocardium.EndDiastolicVolumeMl.Value, 0.7 * pipeline.Patient.Truth.Heart.EdvMl, 1.3 * pipeline.Patient.Truth.Heart.EdvMl);

        var meshBlob = MeshBlob.Parse(await new BlobStore(Ledger.DataSource).GetAsync(mesh.MeshSha256, Ct));
        Assert.Equal(mesh.VertexCount, meshBlob.VertexCount);

        // The rule ran on the measured scar and activation; its primary target lies in or next to the true one.
        var truth = SegmentId.Of36(pipeline.Patient.Truth.Targets.Primary);
        var primary = targets.Sites[0].Segment;
        Assert.NotEqual(LeadCategory.Remote, LeadClassifier.Classify(primary, truth));
    }

    [Fact]
    public async Task Importing_again_draining_again_and_redelivering_every_event_write_nothing_new()
    {
        var before = await Ledger.EventsAsync(Procedure, Ct);

        var again = await Ledger.Importer.ImportAsync(pipeline.Folders.Cmr, Procedure, Ct);
        var drained = await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var redelivered = await RedeliverEverythingAsync();

        Assert.True(Assert.Single(again.Studies).AlreadyImported);
        Assert.Equal(0, again.NewEventCount);
        Assert.Equal(0, drained.JobsRun);
        Assert.True(redelivered.EventsDispatched >= before.Count);
        Assert.Equal(0, redelivered.JobsRun);
        Assert.Equal(before.Count, (await Ledger.EventsAsync(Procedure, Ct)).Count);
    }

    [Fact]
    public async Task On_target_chosen_the_worker_exports_valid_treatment_files_once_as_blobs()
    {
        await ChooseTheProposedPrimaryOnceAsync();
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var redelivered = await RedeliverEverythingAsync();

        var events = await Ledger.EventsAsync(Procedure, Ct);
        // One export per chosen target (the tests of this class share one procedure, and the scar-edit test may have
        // chosen a target again before this one runs); redelivery adds none.
        var exports = events.OfType<TreatmentFilesExported>().ToList();
        Assert.Equal(events.OfType<TargetChosen>().Count(), exports.Count);
        var exported = exports[0];
        Assert.Equal(0, redelivered.JobsRun);
        Assert.Equal(WorkerLedger.Identity.Actor, exported.By);
        Assert.DoesNotContain(events, e => e is ComputationFailed { Computation: "treatment-export" });
        Assert.Contains(exported.Files, f => f.Kind == TreatmentFileKind.ScarAndTargets);
        var blobs = new BlobStore(Ledger.DataSource);
        var folder = RepoPaths.ScratchFolder("workers-treatment-export");
        foreach (var file in exported.Files)
        {
            var path = Path.Combine(folder, $"{file.SopInstanceUid}.dcm");
            await File.WriteAllBytesAsync(path, await blobs.GetAsync(file.Sha256, Ct), Ct);
            Assert.Equal(file.SopInstanceUid, DicomValidators.AssertValid(path).Text("SOPInstanceUID"));
        }
    }

    [Fact]
    public async Task In_the_cath_lab_the_worker_proposes_registrations_and_measures_the_marked_electrode()
    {
        await ChooseTheProposedPrimaryOnceAsync();
        var xa = await Ledger.Importer.ImportAsync(pipeline.Folders.Xa, Procedure, Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var acquisition = Assert.Single(xa.Studies).AcquisitionId!.Value;
        var acquired = (await Ledger.EventsAsync(Procedure, Ct)).OfType<FluoroscopyAcquired>().Single();
        var intensity = Assert.Single((await Ledger.EventsAsync(Procedure, Ct)).OfType<RegistrationProposed>(), r => r.ModelSet == ModelSet.Cmr);
        Assert.Equal(RegistrationMethod.GradientCorrelation, intensity.Method);
        Assert.Equal(acquisition, intensity.AcquisitionId);

        await Ledger.StaffAsync(Procedure, new MarkFluoroscopyLandmarks(WorkerLedger.Operator, DateTimeOffset.UtcNow, acquisition, PhantomScenario.Landmarks(pipeline.Patient, acquired)), Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var fused = (await Ledger.EventsAsync(Procedure, Ct)).OfType<RegistrationProposed>().Single(r => r.Method == RegistrationMethod.TwoViewLandmarks);
        Assert.NotNull(fused.EstimatedTreMm);
        await Ledger.StaffAsync(Procedure, new AcceptRegistration(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, fused.RegistrationId, null), Ct);
        await Ledger.StaffAsync(Procedure, new MarkElectrode(WorkerLedger.Operator, DateTimeOffset.UtcNow, acquisition, "LV1 distal", PhantomScenario.Electrode(pipeline.Patient, acquired, 0)), Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);

        var lead = Assert.Single((await Ledger.EventsAsync(Procedure, Ct)).OfType<LeadPositionMeasured>());
        Assert.Equal(fused.RegistrationId, lead.RegistrationId);
        Assert.NotNull(lead.Categories);
        Assert.NotNull(lead.DistanceToTargetMm);
        var trueElectrode = pipeline.Patient.Truth.Lead!.Electrodes[0];
        var trueSegment = SegmentId.Of36(pipeline.Patient.Truth.Lead.ElectrodeSegments36[0]);
        var offMm = Math.Sqrt(Math.Pow(lead.ElectrodeLpsMm.X - trueElectrode.X, 2) + Math.Pow(lead.ElectrodeLpsMm.Y - trueElectrode.Y, 2) + Math.Pow(lead.ElectrodeLpsMm.Z - trueElectrode.Z, 2));
        Assert.True(offMm < 3, $"electrode {offMm:0.#} mm from the truth: measured ({lead.ElectrodeLpsMm.X:0.#}, {lead.ElectrodeLpsMm.Y:0.#}, {lead.ElectrodeLpsMm.Z:0.#}), truth {trueElectrode}; fused pose {fused.Pose}, TRE {fused.EstimatedTreMm}, score {fused.Score}; intensity pose {intensity.Pose}");
        Assert.True(LeadClassifier.Classify(lead.Segment36, trueSegment) != LeadCategory.Remote,
            $"measured {lead.Segment36} at ({lead.ElectrodeLpsMm.X:0.#}, {lead.ElectrodeLpsMm.Y:0.#}, {lead.ElectrodeLpsMm.Z:0.#}), truth {trueSegment} at {pipeline.Patient.Truth.Lead.Electrodes[0]}; fused pose {fused.Pose}, TRE {fused.EstimatedTreMm}, score {fused.Score}");

        // Overlays as worker products: one set on acceptance, one after the measurement, every view as PNG and Secondary Capture blobs.
        var redelivered = await RedeliverEverythingAsync();
        var overlays = (await Ledger.EventsAsync(Procedure, Ct)).OfType<FluoroscopyOverlaysRendered>().ToList();
        Assert.Equal(0, redelivered.JobsRun);
        Assert.Equal(["registration-accepted", "lead-position-measured"], overlays.Select(o => o.Algorithm.Parameters.Single(p => p.Name == "trigger").Value));
        var blobs = new BlobStore(Ledger.DataSource);
        var folder = RepoPaths.ScratchFolder("workers-overlays");
        foreach (var overlay in overlays)
        {
            Assert.Equal(fused.RegistrationId, overlay.RegistrationId);
            Assert.Equal(acquired.Views.Select(v => v.Label), overlay.Views.Select(v => v.Label));
            foreach (var view in overlay.Views)
            {
                var png = Imaging.Pictures.PngDecoder.Decode(await blobs.GetAsync(view.PngSha256, Ct));
                Assert.Equal((pipeline.Patient.Truth.Views[view.ViewIndex].Geometry.Columns, 3), (png.Width, png.Channels));
                var path = Path.Combine(folder, $"{view.SecondaryCaptureSopInstanceUid}.dcm");
                await File.WriteAllBytesAsync(path, await blobs.GetAsync(view.SecondaryCaptureSha256, Ct), Ct);
                Assert.Equal(view.SecondaryCaptureSopInstanceUid, DicomValidators.AssertValid(path).Text("SOPInstanceUID"));
            }
        }
        Assert.NotEqual(overlays[0].Views[0].PngSha256, overlays[1].Views[0].PngSha256); // the second shows the electrode

        await ThePhrenicNerveTracedOnTheCtIsPlacedByTheCtRegistrationAsync(acquisition, acquired, fused);
    }

    /// <summary>
    /// The CT model set (seed 1: CT and CMR fused separately): the phantom's CT lies in its own frame (tens of mm and a
    /// few degrees from the CMR's), the phrenic nerve is traced on it, and CT landmarks give the CT its own registration.
    /// Until that is accepted the nerve is placed with the CMR pose and the event names that registration; after, with
    /// the CT pose, and the distance to the nerve matches the truth.
    /// </summary>
    private async Task ThePhrenicNerveTracedOnTheCtIsPlacedByTheCtRegistrationAsync(Guid acquisition, FluoroscopyAcquired acquired, RegistrationProposed cmrFused)
    {
        const double DistanceToleranceMm = 3;
        const double CtIntensityToleranceMm = 15;
        var patient = pipeline.Patient;
        var ctStudy = (await Ledger.EventsAsync(Procedure, Ct)).OfType<StudyImported>().Single(s => s.Modality == Modality.Ct).StudyId;
        var ctIntensity = Assert.Single((await Ledger.EventsAsync(Procedure, Ct)).OfType<RegistrationProposed>(), r => r.ModelSet == ModelSet.Ct);
        Assert.Equal(RegistrationMethod.GradientCorrelation, ctIntensity.Method);
        Assert.Equal("ct-drr-gc-inplane/1", ctIntensity.Algorithm.Version);
        var cmrFromCt = patient.Truth.CtFrame!.CtFromCmr.Inverse();
        var intensityPose = Registration.Poses.FromDomain(ctIntensity.Pose);
        var firstView = patient.Truth.Views[0];   // XA files put the isocentre at the origin
        var intensityErrorMm = patient.Truth.CtFrame.PhrenicNerveCt.Average(p => intensityPose.Apply(p).DistanceTo(firstView.HeartPose.Apply(cmrFromCt.Apply(p)) - firstView.Geometry.IsocenterLps));
        TestContext.Current.TestOutputHelper?.WriteLine($"CT intensity registration: phrenic nerve {intensityErrorMm:0.0} mm from the truth (first view), score {ctIntensity.Score}, {ctIntensity.Algorithm.Parameters.Single(p => p.Name == "qualityScore").Value} quality");
        // Measured 8.9 mm (docs/registration.md): the DRR path is not yet at the landmark path's accuracy; the bound keeps it from getting worse.
        Assert.True(intensityErrorMm < CtIntensityToleranceMm, $"CT intensity registration: phrenic nerve {intensityErrorMm:0.0} mm from the truth");
        await Ledger.StaffAsync(Procedure, new TracePhrenicNerve(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, ctStudy, PhantomScenario.CtPhrenicNerve(patient)), Ct);
        await Ledger.StaffAsync(Procedure, new MarkElectrode(WorkerLedger.Operator, DateTimeOffset.UtcNow, acquisition, "LV1 distal", PhantomScenario.Electrode(patient, acquired, 0)), Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var withCmrPose = (await Ledger.EventsAsync(Procedure, Ct)).OfType<LeadPositionMeasured>().Last();
        Assert.Equal(cmrFused.RegistrationId, withCmrPose.PhrenicNerveRegistrationId);

        await Ledger.StaffAsync(Procedure, new MarkFluoroscopyLandmarks(WorkerLedger.Operator, DateTimeOffset.UtcNow, acquisition, PhantomScenario.CtLandmarks(patient, acquired), ModelSet.Ct), Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);
        var ctFused = (await Ledger.EventsAsync(Procedure, Ct)).OfType<RegistrationProposed>().Single(r => r.ModelSet == ModelSet.Ct && r.Method == RegistrationMethod.TwoViewLandmarks);
        Assert.Equal(RegistrationMethod.TwoViewLandmarks, ctFused.Method);
        await Ledger.StaffAsync(Procedure, new AcceptRegistration(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, ctFused.RegistrationId, null), Ct);
        await Ledger.StaffAsync(Procedure, new MarkElectrode(WorkerLedger.Operator, DateTimeOffset.UtcNow, acquisition, "LV1 distal", PhantomScenario.Electrode(patient, acquired, 0)), Ct);
        await Ledger.Host().DrainAsync(cancellationToken: Ct);

        var withCtPose = (await Ledger.EventsAsync(Procedure, Ct)).OfType<LeadPositionMeasured>().Last();
        Assert.Equal(cmrFused.RegistrationId, withCtPose.RegistrationId);
        Assert.Equal(ctFused.RegistrationId, withCtPose.PhrenicNerveRegistrationId);
        var truthMm = DistanceToPolylineMm(patient.Truth.Lead!.Electrodes[0], patient.Truth.PhrenicNerve);
        var ctErrorMm = Math.Abs(withCtPose.DistanceToPhrenicNerveMm!.Value.Value - truthMm);
        var cmrErrorMm = Math.Abs(withCmrPose.DistanceToPhrenicNerveMm!.Value.Value - truthMm);
        TestContext.Current.TestOutputHelper?.WriteLine($"distance to the phrenic nerve: truth {truthMm:0.0} mm, CT pose {withCtPose.DistanceToPhrenicNerveMm}, CMR pose {withCmrPose.DistanceToPhrenicNerveMm}");
        var drawnWithCt = (await Ledger.EventsAsync(Procedure, Ct)).OfType<FluoroscopyOverlaysRendered>().Last();
        Assert.Equal(ctFused.RegistrationId.ToString(), drawnWithCt.Algorithm.Parameters.Single(p => p.Name == "ctRegistration").Value);
        Assert.True(ctErrorMm < DistanceToleranceMm && ctErrorMm < cmrErrorMm,
            $"distance to the phrenic nerve: truth {truthMm:0.0} mm, with the CT pose {withCtPose.DistanceToPhrenicNerveMm}, with the CMR pose {withCmrPose.DistanceToPhrenicNerveMm}; CT registration {ctFused.Pose}, TRE {ctFused.EstimatedTreMm}");
    }

    private static double DistanceToPolylineMm(Imaging.Geometry.Vec3 p, IReadOnlyList<Imaging.Geometry.Vec3> line) =>
        line.Zip(line.Skip(1), (a, b) =>
        {
            var ab = b - a;
            var t = Math.Clamp((p - a).Dot(ab) / ab.LengthSquared, 0, 1);
            return p.DistanceTo(a + ab * t);
        }).Min();

    private async Task ChooseTheProposedPrimaryOnceAsync()
    {
        var events = await Ledger.EventsAsync(Procedure, Ct);
        if (!events.OfType<TargetChosen>().Any())
        {
            var proposed = events.OfType<TargetsProposed>().Last().Sites[0].Segment;
            await Ledger.StaffAsync(Procedure, new ChooseTarget(WorkerLedger.Cardiologist, DateTimeOffset.UtcNow, proposed, [proposed], null), Ct);
        }
    }

    /// <summary>Rewinds the job subscription to position 0 and drains: every event is delivered again.</summary>
    private async Task<Hosting.DrainReport> RedeliverEverythingAsync()
    {
        await using (var rewind = Ledger.DataSource.CreateCommand("update ledger.subscriptions set position = 0 where name = 'workers.jobs'"))
        {
            await rewind.ExecuteNonQueryAsync(Ct);
        }
        return await Ledger.Host().DrainAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task A_scar_edit_makes_the_worker_propose_targets_again_and_nothing_else()
    {
        var before = await Ledger.EventsAsync(Procedure, Ct);
        await ScarEditing.AppendAsync(Ledger.Appender, Procedure, new ScarEditsFile(0.45, [], []), "test", Domain.Demo.DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, "threshold lowered to 0.45", cancellationToken: Ct);

        var drained = await Ledger.Host().DrainAsync(cancellationToken: Ct);

        var added = (await Ledger.EventsAsync(Procedure, Ct)).Skip(before.Count + 1).ToList();
        Assert.Equal(1, drained.JobsRun);
        Assert.IsType<TargetsProposed>(Assert.Single(added));
    }

    [Fact]
    public async Task Adjusted_contours_entered_as_a_hash_without_their_file_cannot_be_reanalysed_and_the_worker_says_so()
    {
        var before = await Ledger.EventsAsync(Procedure, Ct);
        await Ledger.StaffAsync(Procedure, new AdjustContours(Domain.Demo.DemoUsers.Analyst.Actor, DateTimeOffset.UtcNow, new string('c', 64), 2, "basal slices redrawn"), Ct);

        await Ledger.Host().DrainAsync(cancellationToken: Ct);

        var failed = Assert.IsType<ComputationFailed>(Assert.Single((await Ledger.EventsAsync(Procedure, Ct)).Skip(before.Count + 1)));
        Assert.Equal(("cmr-recompute", "contours-missing"), (failed.Computation, failed.Code));
        Assert.Contains("cartledger contours import", failed.Reason, StringComparison.Ordinal);
    }
}
