using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// Seed 3's robustness protocol: starts on a 13 x 13 grid of in-plane translations (-30..30 mm, 5 mm steps) with a
/// random rotation (+/-15 degrees) about the true pose, in the first view of the first case; the spread is the
/// distance of each final cross-landmark centre (projected, mm at the LV centre) from the median final position.
/// </summary>
public static class RobustnessBench
{
    public const int GridHalf = 6;
    public const double GridStepMm = 5;

    public static RobustnessFigures Run(BenchPatient p, SimilarityMethod method, int threads, double outlineOffsetMm, double deviceSuppressionMm, Action<int> step)
    {
        const int view = 0;
        var g = p.Frames[view].Geometry;
        var projection = g.ToProjectionMatrix();
        projection.Project(p.Truth[view].Apply(p.CentreModel), out var depth);
        var mmPerPixel = Math.Sqrt(g.DetectorPixelSpacingXMm * g.DetectorPixelSpacingYMm) * depth / g.SourceToDetectorMm;
        var random = new Random(p.Seed + 300_000);
        var finals = new List<(double X, double Y)>();
        var tres = new List<double>();
        var k = 0;
        for (var iy = -GridHalf; iy <= GridHalf; iy++)
        {
            for (var ix = -GridHalf; ix <= GridHalf; ix++)
            {
                var start = p.Start(view, new InPlanePose(ix * GridStepMm, iy * GridStepMm, (2 * random.NextDouble() - 1) * PerturbationProtocol.MaxRotationDeg));
                var pose = FluoroscopyFusion.Propose([p.Frames[view]], p.Model, new ProposalOptions(method, 3, start, p.CentreModel, p.Weights, threads, OutlineOffsetMm: outlineOffsetMm, DeviceSuppressionMm: deviceSuppressionMm)).Pose;
                var centre = projection.Project(pose.Apply(p.CentreModel));
                finals.Add((centre.X * mmPerPixel, centre.Y * mmPerPixel));
                tres.Add(p.TreMm(view, pose));
                step(++k);
            }
        }
        var medianX = ErrorStatistics.Percentile([.. finals.Select(f => f.X).Order()], 0.5);
        var medianY = ErrorStatistics.Percentile([.. finals.Select(f => f.Y).Order()], 0.5);
        var spread = finals.Select(f => Math.Sqrt((f.X - medianX) * (f.X - medianX) + (f.Y - medianY) * (f.Y - medianY))).Order().ToArray();
        return new RobustnessFigures(method.ShortName(), finals.Count, ErrorStatistics.Percentile(spread, 0.5), 100.0 * spread.Count(s => s < 5) / spread.Length,
            100.0 * tres.Count(t => t < ErrorStatistics.SuccessThresholdMm) / tres.Count, tres.Average());
    }
}
