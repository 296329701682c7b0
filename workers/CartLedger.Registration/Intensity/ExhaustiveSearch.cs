namespace CartLedger.Registration.Intensity;

/// <summary>A pose of the exhaustive search with its score.</summary>
public sealed record ScoredPose(InPlanePose Pose, double Score);

/// <summary>
/// The global stage of in-plane registration: every rotation on a grid, and for each every whole-pixel translation of
/// the coarse level, scored by shifting the model's sparse features (one rendering per rotation, a few hundred
/// multiply-adds per translation). With three degrees of freedom this is cheap enough to leave no capture-range
/// problem inside the search box (research notes section 2). Rotations are spread over threads; each writes its own
/// slice of the score array, so the result does not depend on scheduling.
/// </summary>
internal static class ExhaustiveSearch
{
    public sealed record Outcome(IReadOnlyList<ScoredPose> Peaks, double MedianScore, double BestScore, int Evaluations);

    public static Outcome Run(FixedLevel level, Func<PoseScorer> newScorer, InPlaneSettings settings)
    {
        var rotations = RotationGrid(settings.SearchRotationDeg, settings.CoarseRotationStepDeg);
        var reach = (int)Math.Ceiling(settings.SearchTranslationMm / level.ResolutionMm);
        var side = 2 * reach + 1;
        var scores = new double[rotations.Length][];
        Parallel.For(0, rotations.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) }, r =>
        {
            var scorer = newScorer();
            scorer.Render(level, new InPlanePose(0, 0, rotations[r]));
            var slice = new double[side * side];
            for (var dy = -reach; dy <= reach; dy++)
            {
                for (var dx = -reach; dx <= reach; dx++)
                {
                    slice[(dy + reach) * side + dx + reach] = scorer.Evaluate(level, dx, dy);
                }
            }
            scores[r] = slice;
        });
        var peaks = LocalMaxima(scores, rotations, reach, level.ResolutionMm);
        var all = scores.SelectMany(s => s).Order().ToArray();
        return new Outcome(Distinct(peaks, settings.Candidates), all[all.Length / 2], all[^1], all.Length);
    }

    private static double[] RotationGrid(double halfRangeDeg, double stepDeg)
    {
        var n = (int)Math.Ceiling(halfRangeDeg / stepDeg);
        return [.. Enumerable.Range(-n, 2 * n + 1).Select(i => i * stepDeg)];
    }

    /// <summary>Grid points not exceeded by any of their 26 neighbours, best first (ties by grid order).</summary>
    private static List<ScoredPose> LocalMaxima(double[][] scores, double[] rotations, int reach, double mmPerPixel)
    {
        var side = 2 * reach + 1;
        var peaks = new List<(ScoredPose Pose, int Order)>();
        for (var r = 0; r < rotations.Length; r++)
        {
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var s = scores[r][y * side + x];
                    if (IsLocalMaximum(scores, r, x, y, side, s))
                    {
                        var pose = new InPlanePose((x - reach) * mmPerPixel, (y - reach) * mmPerPixel, rotations[r]);
                        peaks.Add((new ScoredPose(pose, s), peaks.Count));
                    }
                }
            }
        }
        return [.. peaks.OrderByDescending(p => p.Pose.Score).ThenBy(p => p.Order).Select(p => p.Pose)];
    }

    private static bool IsLocalMaximum(double[][] scores, int r, int x, int y, int side, double s)
    {
        for (var dr = -1; dr <= 1; dr++)
        {
            if (r + dr < 0 || r + dr >= scores.Length)
            {
                continue;
            }
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if ((dr | dx | dy) != 0 && xx >= 0 && yy >= 0 && xx < side && yy < side && scores[r + dr][yy * side + xx] > s)
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /// <summary>Keeps the best peaks that differ from every kept one by more than a few mm (rotation counted at a 40 mm lever arm).</summary>
    private static List<ScoredPose> Distinct(List<ScoredPose> peaks, int count)
    {
        const double minimumSeparationMm = 6;
        var kept = new List<ScoredPose>();
        foreach (var peak in peaks)
        {
            if (kept.Count == count)
            {
                break;
            }
            if (kept.All(k => PoseDistanceMm(k.Pose, peak.Pose) > minimumSeparationMm))
            {
                kept.Add(peak);
            }
        }
        return kept;
    }

    /// <summary>A rough in-plane distance between two poses: translation plus the arc of the rotation difference at 40 mm.</summary>
    public static double PoseDistanceMm(InPlanePose a, InPlanePose b) =>
        Math.Sqrt((a.TxMm - b.TxMm) * (a.TxMm - b.TxMm) + (a.TyMm - b.TyMm) * (a.TyMm - b.TyMm)) + 40 * Math.Abs(a.RzDeg - b.RzDeg) * Math.PI / 180;
}
