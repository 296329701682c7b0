using System.Globalization;
using CartLedger.Domain.Demo;
using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Phantom;
using CartLedger.Ledger.Blobs;
using CartLedger.Ledger.Procedures;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Import;
using CartLedger.Workers.Scenario;
using CartLedger.Workers.Support;

namespace CartLedger.Console.Verbs.Demo.Phantom;

/// <summary>What the phantom steps share: the patient, its folders, the procedure and the ledger-side helpers.</summary>
public sealed class PhantomDemo(DemoContext context)
{
    public const string Key = "phantom";
    public const int Seed = 3;

    public DemoContext Context { get; } = context;
    public PhantomPatient Patient { get; private set; } = null!;
    public PhantomScenario.Folders Folders { get; private set; } = null!;
    public Guid ProcedureId { get; private set; }
    public string Folder => Path.Combine(Context.OutputFolder, "phantom");

    private WorkerIdentity Identity => WorkerIdentity.ForHost(SoftwareVersion.Current);
    private ProcedureStore Procedures => new(Context.Store, Context.Clock, Environment.MachineName, SoftwareVersion.Current);
    public StudyImporter Importer => new(new ProcedureAppender(Context.Store, Context.Clock, Identity.Terminal, Identity.SoftwareVersion), Identity);

    public async Task GenerateAndOpenAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Patient = PhantomGenerator.Generate(PhantomScenario.Options(Seed));
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true); // the previous demo run's phantom
        }
        Folders = PhantomScenario.Write(Patient, Folder);
        Context.Say($"phantom seed {Seed} generated and written in {clock.Elapsed.TotalSeconds:0.0} s: {Folders.Cmr} (cine + LGE), {Folders.Xa} (LAO 40, RAO 30), truth.json");
        ProcedureId = Guid.NewGuid();
        await CommandAsync(new OpenProcedure(DemoUsers.Cardiologist.Actor, Context.Clock.GetUtcNow().AddHours(-2), ProcedureId, $"PHANTOM-{Seed}", "UMCU",
            new Indication(new Milliseconds(164), true, false, new Percent(25), NyhaClass.III)), cancellationToken);
        Context.Say($"procedure {ProcedureId} opened");
    }

    public Task<ProcedureAppend> CommandAsync(ProcedureCommand command, CancellationToken cancellationToken) =>
        Procedures.HandleAsync(ProcedureId, command, Guid.NewGuid(), ProcedureId, cancellationToken);

    public async Task<StudyImportResult> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Importer.ImportAsync(folder, ProcedureId, cancellationToken);
        foreach (var study in result.Studies)
        {
            Context.Say(study.AlreadyImported
                ? $"import {Path.GetFileName(folder)} again: already imported, nothing written ({clock.Elapsed.TotalSeconds:0.0} s)"
                : $"import {Path.GetFileName(folder)}: {string.Join(", ", study.EventTypes)} with {study.FileCount} files as blobs in one append ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        return result;
    }

    public async Task<DrainReport> DrainAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var host = new WorkerHost(Context.Store, Identity, Context.Clock, new WorkerHostOptions { OnlyProcedure = ProcedureId, TreatmentExport = new Workers.Cmr.CmrTreatmentExport(keepFolder: PhantomOutputs.TreatmentFolder(this)) });
        var before = (await EventsAsync(cancellationToken)).Count;
        var report = await host.DrainAsync(cancellationToken: cancellationToken);
        var added = (await EventsAsync(cancellationToken)).Skip(before).Select(EventSummary);
        Context.Say($"worker --once: {report.JobsRun} job(s) in {clock.Elapsed.TotalSeconds:0.0} s -> {string.Join("; ", added)}");
        return report;
    }

    public async Task<IReadOnlyList<ProcedureEvent>> EventsAsync(CancellationToken cancellationToken) =>
        [.. (await Procedures.LoadAsync(ProcedureId, cancellationToken)).Records.Select(r => r.Event)];

    public async Task WriteOutputsAsync(CancellationToken cancellationToken)
    {
        var (_, records) = await Procedures.LoadAsync(ProcedureId, cancellationToken);
        var timeline = Path.Combine(Folder, "procedure-timeline.txt");
        await File.WriteAllLinesAsync(timeline, records.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Recorded.StreamVersion,3}  {r.Recorded.Metadata.Actor.Name} ({r.Recorded.Metadata.Actor.Role.ToString().ToLowerInvariant()})  {r.Recorded.EventType}: {ProcedureTimeline.Describe(r.Event)}")), cancellationToken);
        if (records.Select(r => r.Event).OfType<EpicardialMeshBuilt>().LastOrDefault() is { } mesh)
        {
            await File.WriteAllBytesAsync(Path.Combine(Folder, "epicardial-mesh.json"), await new BlobStore(Context.DataSource).GetAsync(mesh.MeshSha256, cancellationToken), cancellationToken);
        }
        Context.Say($"outputs: {Folder} (procedure-timeline.txt, epicardial-mesh.json, truth.json, dicom/, treatment/, overlay/)");
    }

    private static string EventSummary(ProcedureEvent e) => e switch
    {
        MyocardiumSegmented m => $"myocardium (LVEDV {m.EndDiastolicVolumeMl})",
        ScarSegmented s => $"scar (burden {s.ScarBurdenPercent})",
        MechanicalActivationMapped => "activation",
        EpicardialMeshBuilt m => $"mesh ({m.VertexCount} vertices, blob)",
        TargetsProposed t => $"targets {string.Join(", ", t.Sites.Select(s => s.Segment))}",
        RegistrationProposed r => $"registration proposed ({r.Method}, score {r.Score.ToString("0.###", CultureInfo.InvariantCulture)}" +
            $"{(r.Algorithm.Parameters.Any(p => p is { Name: "likelyFailure", Value: "true" }) ? ", flagged as a likely failure" : "")})",
        LeadPositionMeasured l => $"lead position {l.Segment36}",
        TreatmentFilesExported t => $"treatment files ({t.Files.Count} DICOM)",
        ComputationFailed f => $"FAILED {f.Computation} ({f.Code}): {f.Reason}",
        _ => Domain.Procedures.Storage.EventCatalog.NameOf(e),
    };

    /// <summary>
    /// How far a registered pose puts the LV centre from where the phantom had it during the first view (its breathing
    /// pose), in the XA files' frame (isocentre at the origin).
    /// </summary>
    public double ErrorAtLvCentreMm(Domain.Values.RigidPose pose)
    {
        var view = Patient.Truth.Views[0];
        var centre = Patient.Truth.Landmarks.LvCentre;
        var truth = view.HeartPose.Apply(centre) - view.Geometry.IsocenterLps;
        return (Workers.Registration.Poses.FromDomain(pose).Apply(centre) - truth).Length;
    }

    public static string Label(SegmentId segment) => SegmentModels.Describe(segment).Label;

    public static string Category(LeadCategory? category) => category?.ToString().ToLowerInvariant() ?? "n/a";
}
