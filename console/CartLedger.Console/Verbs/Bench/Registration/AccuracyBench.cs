using System.Diagnostics;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// Seed 3's Table 1 on the phantom: per case one view (LAO and RAO in turn), one start drawn by the perturbation
/// protocol (the same start for every method), single-view in-plane registration, in-plane TRE of the cross landmark.
/// "landmark" solves the 6-DOF pose from three anatomical landmarks picked in both views with a 1 mm (SD) pick error.
/// </summary>
public static class AccuracyBench
{
    /// <summary>SD of a simulated pick, mm at the isocentre (seed 2: 1-3 mm on a venogram; here the optimistic end).</summary>
    public const double PickSdMm = 1.0;

    public const string Landmark = "landmark";

    /// <summary>
    /// One registration. TruthScoredHigher, for a failure (TRE >= 5 mm): the metric prefers the true pose to the answer,
    /// so the search missed it; false means the metric itself prefers the wrong pose.
    /// </summary>
    public sealed record Outcome(double StartTreMm, double TreMm, double Milliseconds, bool Flagged, bool TruthScoredHigher = false, string? Detail = null)
    {
        /// <summary>The case's seed and view and what the quality score saw (null for landmarks): the calibration data.</summary>
        public CaseRow? Row { get; init; }
    }

    /// <summary>SD of the two-view start's depth error along the first view's beam, mm (isocentering guesses depth).</summary>
    public const double StartDepthSdMm = 10;

    public static Outcome Run(BenchPatient p, int caseIndex, string method, int threads, double outlineOffsetMm, double deviceSuppressionMm, double? refineOffsetMm, int dof = 3, string? diagnoseDirectory = null)
    {
        if (dof == 6)
        {
            return RunTwoViews(p, method, threads, outlineOffsetMm, deviceSuppressionMm, refineOffsetMm);
        }
        var view = caseIndex % 2;
        var start = p.Start(view, PerturbationProtocol.Draw(new Random(p.Seed + 100_000)));
        var clock = Stopwatch.StartNew();
        if (method == Landmark)
        {
            var (landmarks, clicks) = Picks(p, new Random(p.Seed + 200_000));
            var fused = FluoroscopyFusion.SolveFromLandmarks([.. p.Frames.Select(f => f.Geometry)], landmarks, clicks);
            return new Outcome(p.TreMm(view, start), p.TreMm(view, fused.Pose), clock.Elapsed.TotalMilliseconds, false);
        }
        if (!SimilarityMethods.TryParse(method, out var similarity))
        {
            throw new ArgumentException($"unknown method {method}", nameof(method));
        }
        var proposal = FluoroscopyFusion.Propose([p.Frames[view]], p.Model, new ProposalOptions(similarity, 3, start, p.CentreModel, p.Weights, threads, OutlineOffsetMm: outlineOffsetMm, DeviceSuppressionMm: deviceSuppressionMm, RefineOutlineOffsetMm: refineOffsetMm));
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        var tre = p.TreMm(view, proposal.Pose);
        var truthHigher = false;
        if (tre >= ErrorStatistics.SuccessThresholdMm)
        {
            var mesh = new MeshArrays(p.Model, p.Weights, outlineOffsetMm);
            var settings = new InPlaneSettings(similarity, Threads: threads, DeviceSuppressionMm: deviceSuppressionMm);
            truthHigher = InPlaneRegistration.Score(p.Frames[view], mesh, p.Truth[view], settings, p.CentreModel) > InPlaneRegistration.Score(p.Frames[view], mesh, proposal.Pose, settings, p.CentreModel);
            if (diagnoseDirectory is not null)
            {
                RegistrationDiagnosis.Write(diagnoseDirectory, p, view, similarity, mesh, start, proposal.Pose, tre);
            }
        }
        var quality = proposal.Views[0].Quality;
        return new Outcome(p.TreMm(view, start), tre, milliseconds, proposal.LikelyFailure, truthHigher)
        {
            Row = new CaseRow(p.Seed, view, Math.Round(tre, 3), Math.Round(quality.Score, 4), Math.Round(quality.Distinctness, 4), Math.Round(quality.Prominence, 4),
                Math.Round(quality.CompetitorDistanceMm, 2), Math.Round(proposal.MetricValue, 5),
                Math.Round(Math.Sqrt(proposal.Views[0].InPlane.TxMm * proposal.Views[0].InPlane.TxMm + proposal.Views[0].InPlane.TyMm * proposal.Views[0].InPlane.TyMm), 2)),
        };
    }

    /// <summary>
    /// Both views, 6 DOF: the start is the first view's protocol start moved along its beam by a depth error (normal,
    /// SD 10 mm, clipped at 20 mm); TRE is the 3D distance of the LV centre from its true position (the mean of the two
    /// frames' breathing poses).
    /// </summary>
    private static Outcome RunTwoViews(BenchPatient p, string method, int threads, double outlineOffsetMm, double deviceSuppressionMm, double? refineOffsetMm)
    {
        var depthMm = Math.Clamp(StartDepthSdMm * Gaussian(new Random(p.Seed + 300_000)), -2 * StartDepthSdMm, 2 * StartDepthSdMm);
        var start = p.Start(0, PerturbationProtocol.Draw(new Random(p.Seed + 100_000))).Then(RigidTransform.FromTranslation(p.Frames[0].Geometry.SourceToDetectorDirection * depthMm));
        var clock = Stopwatch.StartNew();
        if (method == Landmark)
        {
            var (landmarks, clicks) = Picks(p, new Random(p.Seed + 200_000));
            var fused = FluoroscopyFusion.SolveFromLandmarks([.. p.Frames.Select(f => f.Geometry)], landmarks, clicks);
            return new Outcome(p.Tre3DMm(start), p.Tre3DMm(fused.Pose), clock.Elapsed.TotalMilliseconds, false);
        }
        if (!SimilarityMethods.TryParse(method, out var similarity))
        {
            throw new ArgumentException($"unknown method {method}", nameof(method));
        }
        var proposal = FluoroscopyFusion.Propose(p.Frames, p.Model, new ProposalOptions(similarity, 6, start, p.CentreModel, p.Weights, threads, OutlineOffsetMm: outlineOffsetMm, DeviceSuppressionMm: deviceSuppressionMm, RefineOutlineOffsetMm: refineOffsetMm));
        var ms = clock.Elapsed.TotalMilliseconds;
        var detail = FormattableString.Invariant($"in-plane TRE LAO {p.TreMm(0, proposal.Pose):F2} / RAO {p.TreMm(1, proposal.Pose):F2} mm, views disagree {proposal.ViewDisagreementMm:F1} mm, quality {proposal.QualityScore:F2}");
        return new Outcome(p.Tre3DMm(start), p.Tre3DMm(proposal.Pose), ms, proposal.LikelyFailure, Detail: detail);
    }

    /// <summary>CS ostium, LV apex and mitral plane centre picked in both views: the truth's projection plus a Gaussian pick error.</summary>
    public static (ModelLandmark[] Landmarks, LandmarkClick[] Clicks) Picks(BenchPatient p, Random random)
    {
        var l = p.Patient.Truth.Landmarks;
        ModelLandmark[] landmarks = [new("CS ostium", l.CoronarySinusOstium), new("LV apex", l.LvEpicardialApex), new("mitral plane centre", l.MitralPlaneCentre)];
        var clicks = new List<LandmarkClick>();
        for (var v = 0; v < p.Frames.Length; v++)
        {
            var g = p.Frames[v].Geometry;
            var sdPx = PickSdMm * g.MagnificationAtIsocenter / g.DetectorPixelSpacingXMm;
            var toImage = p.Patient.Truth.Views[v].ModelToImage;
            foreach (var landmark in landmarks)
            {
                var pixel = toImage.Project(landmark.ModelPoint);
                clicks.Add(new LandmarkClick(landmark.Name, v, new Vec2(pixel.X + sdPx * Gaussian(random), pixel.Y + sdPx * Gaussian(random))));
            }
        }
        return (landmarks, [.. clicks]);
    }

    public static MethodFigures Summarise(string method, IReadOnlyList<Outcome> outcomes)
    {
        var stats = ErrorStatistics.Of([.. outcomes.Select(o => o.TreMm)]);
        var failures = outcomes.Where(o => o.TreMm >= ErrorStatistics.SuccessThresholdMm).ToArray();
        return new MethodFigures(method, outcomes.Count, outcomes.Average(o => o.StartTreMm), stats.MeanMm, stats.SdMm, stats.MedianMm, stats.P90Mm, stats.MaxMm,
            stats.SuccessRate, outcomes.Average(o => o.Milliseconds), outcomes.Count(o => o.Flagged) / (double)outcomes.Count,
            failures.Length == 0 ? double.NaN : failures.Count(o => o.Flagged) / (double)failures.Length, failures.Count(o => o.TruthScoredHigher),
            [.. outcomes.Select(o => Math.Round(o.TreMm, 2))])
        { CaseRows = [.. outcomes.Select(o => o.Row).OfType<CaseRow>()] };
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
