using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Ledger.Blobs;
using CartLedger.Registration;
using CartLedger.Registration.CtModel;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Workers.Registration;

/// <summary>
/// On FluoroscopyAcquired, when a CT study is imported: the CT model set registered on its own (CtDrrRegistration: DRRs
/// of the CT, iodine suppressed, against the first two views at least 30 degrees apart, else the first view alone),
/// started with the CT model's centre (the structures traced on that CT, else the volume's centre) at the isocentre;
/// RegistrationProposed with model set CT. Without a CT study there is nothing to register and nothing is appended.
/// </summary>
public sealed class CtRegistrationProposalHandler(ProcedureAppender appender, WorkerIdentity identity) : ProcedureJobHandler(appender, identity)
{
    public override string Kind => WorkerJobs.RegistrationProposeCt;
    protected override string ComputationName => "ct-registration";

    protected override async Task<JobOutcome> ComputeAsync(JobContext context, CancellationToken cancellationToken)
    {
        var acquired = (FluoroscopyAcquired)context.Trigger.Event;
        if (context.State.Studies.LastOrDefault(s => s.Modality == Modality.Ct) is not { } study)
        {
            return JobOutcome.Nothing;
        }
        var ctFiles = study.Series.SelectMany(s => s.BlobSha256).ToList();
        var read = await StudyFiles.ReadAsync(new BlobStore(Appender.Store.DataSource), ctFiles, cancellationToken);
        var ct = read.Loaded.Select(s => s.Content).OfType<StackContent>().Select(c => c.Volume).FirstOrDefault()
            ?? throw new ComputationProblem("ct-unreadable", "the CT study's files no longer read as a volume", study.StudyId);
        var frames = await RegistrationInputs.FramesAsync(Appender, acquired, cancellationToken);
        var views = ViewsToRegister(frames);
        var centreCt = ModelCentre(context.State, study.StudyId, ct);
        CtRegistrationResult result;
        try
        {
            result = CtDrrRegistration.Register(CtModelVolume.ForFluoroscopy(ct), [.. views.Select(v => frames[v])], RigidTransform.FromTranslation(frames[views[0]].Geometry.IsocenterLps - centreCt), centreCt);
        }
        catch (RegistrationInputException e)
        {
            throw new ComputationProblem("registration-input", e.Message, study.StudyId);
        }
        var pose = Poses.ToDomain(result.Pose);
        var info = new AlgorithmInfo("cartledger.registration.ct-drr", result.Algorithm,
            [
                RegistrationInputs.Parameter("centreCtXMm", Math.Round(centreCt.X, 3)),
                RegistrationInputs.Parameter("centreCtYMm", Math.Round(centreCt.Y, 3)),
                RegistrationInputs.Parameter("centreCtZMm", Math.Round(centreCt.Z, 3)),
                RegistrationInputs.Parameter("iodineSuppressedHu", CtModelVolume.IodineMinHu),
                new("likelyFailure", result.LikelyFailure ? "true" : "false"),
                new("modelSet", "ct"),
                RegistrationInputs.Parameter("qualityScore", Math.Round(result.QualityScore, 4)),
                new("views", string.Join(',', views)),
            ],
            [Hash(string.Join('\n', ctFiles)), .. views.Select(v => acquired.Views[v].Sha256)], Hash(pose.ToString()));
        var registrationId = DerivedIds.From("registration-ct", context.Trigger.Recorded.EventId.ToString());
        return new JobOutcome([new ProposeRegistration(Identity.Actor, context.Now, registrationId, acquired.AcquisitionId, RegistrationMethod.GradientCorrelation, pose,
            Math.Round(result.MetricValue, 4), null, info, ModelSet.Ct)], []);
    }

    /// <summary>The first two views at least 30 degrees apart (6 DOF), else the first view (3 DOF).</summary>
    private static int[] ViewsToRegister(IReadOnlyList<XrayFrame> frames)
    {
        for (var a = 0; a < frames.Count; a++)
        {
            for (var b = a + 1; b < frames.Count; b++)
            {
                if (frames[a].Geometry.AngleBetweenViewsDeg(frames[b].Geometry) >= Triangulation.MinimumSeparationDeg)
                {
                    return [a, b];
                }
            }
        }
        return [0];
    }

    /// <summary>The centre of the structures traced on this CT (phrenic nerve, CS ostium); else the centre of the volume.</summary>
    private static Vec3 ModelCentre(ProcedureState state, Guid ctStudyId, Volume ct)
    {
        var points = new List<Point3Mm>();
        if (state.PhrenicNerve is { } nerve && nerve.StudyId == ctStudyId)
        {
            points.AddRange(nerve.PathLpsMm);
        }
        if (state.SinusOstium is { } ostium && ostium.StudyId == ctStudyId)
        {
            points.Add(ostium.PositionLpsMm);
        }
        var g = ct.Geometry;
        return points.Count == 0
            ? g.ToPatient((g.SizeI - 1) / 2.0, (g.SizeJ - 1) / 2.0, (g.SizeK - 1) / 2.0)
            : new Vec3(points.Average(p => p.X), points.Average(p => p.Y), points.Average(p => p.Z));
    }
}
