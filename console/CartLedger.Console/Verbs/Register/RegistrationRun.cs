using System.Diagnostics;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Pictures;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Overlay;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Register;

/// <summary>Runs one `register` request: read, register (landmarks and/or intensity), write POSE.json and the overlays.</summary>
public static class RegistrationRun
{
    /// <summary>The default similarity: the best single-view gradient method on the phantom bench (docs/registration.md).</summary>
    public static readonly SimilarityMethod DefaultMethod = SimilarityMethod.GradientCorrelationPositive;

    public static PoseFile Execute(RegistrationRequest request, Action<string> say, bool quiet)
    {
        var clock = Stopwatch.StartNew();
        var xrays = request.Xrays.Select(XrayDicom.Load).ToArray();
        var (mesh, scalars) = ReadMesh(request.Model);
        var landmarks = request.Landmarks is { } l ? LandmarkFile.Read(l) : null;
        var start = request.Init is { } init ? PoseFile.ReadPose(init) : (RigidTransform?)null;
        var frames = xrays.Select(x => x.Frame).ToArray();
        PoseFile pose;
        if (landmarks is not null)
        {
            var fused = FluoroscopyFusion.SolveFromLandmarks([.. frames.Select(f => f.Geometry)], landmarks.Landmarks, landmarks.Clicks, start);
            var residuals = fused.Residuals.Select(r => new PoseResidual(r.Name, r.ViewIndex, r.ResidualPx, r.ResidualMm)).ToArray();
            pose = new PoseFile("landmark-fusion-lm/1", "landmark", 6, fused.Pose.ToMatrix4x4(),
                [.. xrays.Select(x => View(x, null))], null, null, false, residuals, fused.Warnings);
            if (request.MethodGiven)
            {
                pose = Intensity(request, xrays, mesh, Weights(scalars, mesh), fused.Pose) with { LandmarkResiduals = residuals, Warnings = fused.Warnings };
            }
        }
        else
        {
            pose = Intensity(request, xrays, mesh, Weights(scalars, mesh), start);
        }
        AtomicFile.WriteAllText(request.Out, pose.ToJson());
        if (!quiet)
        {
            say($"{pose.Method} ({pose.DegreesOfFreedom} DOF): metric {pose.MetricValue?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, " +
                $"quality {pose.QualityScore?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{(pose.LikelyFailure ? " (LIKELY FAILURE: check the overlay)" : "")}, {clock.Elapsed.TotalSeconds:0.0} s -> {request.Out}");
            foreach (var r in pose.LandmarkResiduals ?? [])
            {
                say(FormattableString.Invariant($"  {r.Name} in view {r.View + 1}: {r.ResidualPx:0.0} px, {r.ResidualMm:0.0} mm"));
            }
            foreach (var w in pose.Warnings ?? [])
            {
                say($"  warning: {w}");
            }
        }
        if (request.Overlay is { } overlay)
        {
            var scene = new OverlayScene(mesh, Flags(scalars, "scar"), Flags(scalars, "target"), landmarks?.PhrenicNerve is { Count: > 0 } n ? n : null,
                landmarks?.Find("csostium") ?? landmarks?.Find("ostium"));
            for (var v = 0; v < xrays.Length; v++)
            {
                var path = v == 0 ? overlay : Path.ChangeExtension(overlay, null) + $".view{v + 1}" + Path.GetExtension(overlay);
                var picture = FusionOverlay.Render(xrays[v].Frame, pose.Pose, scene);
                WritePicture(path, picture, xrays[v], v);
                if (!quiet)
                {
                    say($"  overlay {FusionOverlay.ViewName(xrays[v].Frame.Geometry)} -> {path}");
                }
            }
        }
        return pose;
    }

    private static PoseFile Intensity(RegistrationRequest request, XrayFile[] xrays, TriangleMesh mesh, IReadOnlyList<double>? weights, RigidTransform? start)
    {
        var proposal = FluoroscopyFusion.Propose([.. xrays.Select(x => x.Frame)], mesh,
            new ProposalOptions(request.Method, request.Dof ?? 0, start, VertexWeights: weights, Threads: Math.Max(1, Environment.ProcessorCount)));
        var views = xrays.Select((x, i) => View(x, proposal.Views.FirstOrDefault(a => a.ViewIndex == i))).ToArray();
        return new PoseFile(proposal.Algorithm, proposal.Method.ShortName(), proposal.DegreesOfFreedom, proposal.Pose.ToMatrix4x4(), views,
            proposal.MetricValue, proposal.QualityScore, proposal.LikelyFailure);
    }

    private static PoseView View(XrayFile x, ViewAnswer? answer) =>
        new(Path.GetFileName(x.Path), x.Frame.Geometry.PrimaryAngleDeg, x.Frame.Geometry.SecondaryAngleDeg,
            answer?.InPlane.TxMm ?? 0, answer?.InPlane.TyMm ?? 0, answer?.InPlane.RzDeg ?? 0, answer?.MetricValue, answer?.Quality.Score);

    private static (TriangleMesh Mesh, IReadOnlyDictionary<string, IReadOnlyList<double>> Scalars) ReadMesh(string path)
    {
        MeshData data;
        try
        {
            data = MeshFiles.Read(path);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new CommandFailedException($"--model: {Path.GetFileName(path)}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (data.Triangles.Count == 0)
        {
            throw new CommandFailedException($"--model: {Path.GetFileName(path)} has no triangles (a surface mesh is needed)");
        }
        return (data.ToTriangleMesh(), data.PointScalars);
    }

    /// <summary>The mesh's 'visibility' point scalar (0..1, see Model.LeftVentricleVisibility) as outline weights, if it has one.</summary>
    private static IReadOnlyList<double>? Weights(IReadOnlyDictionary<string, IReadOnlyList<double>> scalars, TriangleMesh mesh) =>
        scalars.FirstOrDefault(s => s.Key.Equals("visibility", StringComparison.OrdinalIgnoreCase)).Value is { } values && values.Count == mesh.Vertices.Count ? values : null;

    private static IReadOnlyList<bool>? Flags(IReadOnlyDictionary<string, IReadOnlyList<double>> scalars, string name) =>
        scalars.FirstOrDefault(s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } values ? [.. values.Select(v => v > 0.5)] : null;

    private static void WritePicture(string path, RgbImage picture, XrayFile source, int view)
    {
        if (Path.GetExtension(path).Equals(".dcm", StringComparison.OrdinalIgnoreCase))
        {
            FusionOverlay.WriteSecondaryCapture(path, picture, source.PatientId, source.StudyInstanceUid, $"CartLedger overlay {FusionOverlay.ViewName(source.Frame.Geometry)}", 900 + view);
        }
        else
        {
            PngEncoder.Write(path, picture);
        }
    }
}
