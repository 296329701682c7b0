namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Minimal-cost closed path through a polar cost grid: one radius index per angle, neighbouring angles at
/// most <c>maxStep</c> apart, with a quadratic penalty on each step (dynamic programming, the classical
/// graph-search boundary of lvGIGA / Santiago 2018). Closure: a pass over three unrolled turns finds the
/// radius the path settles to at angle 0; exact closed searches are then run from the starts around it.
/// Ties break towards the smaller step, then the smaller radius, so results never depend on run order.
/// </summary>
public static class ClosedPathSearch
{
    public static int[] Find(float[] cost, int angleCount, int radiusCount, int maxStep, double stepPenalty)
    {
        if (cost.Length != angleCount * radiusCount)
        {
            throw new ArgumentException($"Cost grid has {cost.Length} values, expected {angleCount}x{radiusCount}.", nameof(cost));
        }
        var unrolled = OpenPath(cost, angleCount, radiusCount, maxStep, stepPenalty, turns: 3, fixedStart: -1);
        var settled = unrolled[angleCount];
        int[]? best = null;
        var bestCost = double.PositiveInfinity;
        for (var start = Math.Max(0, settled - maxStep); start <= Math.Min(radiusCount - 1, settled + maxStep); start++)
        {
            var path = OpenPath(cost, angleCount, radiusCount, maxStep, stepPenalty, turns: 1, fixedStart: start);
            var closing = Math.Abs(path[angleCount - 1] - start);
            if (closing > maxStep)
            {
                continue;
            }
            var total = PathCost(path, cost, radiusCount, stepPenalty) + stepPenalty * closing * closing;
            if (total < bestCost)
            {
                bestCost = total;
                best = path;
            }
        }
        return best ?? unrolled[angleCount..(2 * angleCount)];
    }

    private static double PathCost(int[] path, float[] cost, int radiusCount, double stepPenalty)
    {
        double total = 0;
        for (var k = 0; k < path.Length; k++)
        {
            total += cost[k * radiusCount + path[k]];
            if (k > 0)
            {
                var d = path[k] - path[k - 1];
                total += stepPenalty * d * d;
            }
        }
        return total;
    }

    /// <summary>Open DP over <paramref name="turns"/> copies of the angles; with a fixed start, and (for one turn) an end near it.</summary>
    private static int[] OpenPath(float[] cost, int angleCount, int radiusCount, int maxStep, double stepPenalty, int turns, int fixedStart)
    {
        var steps = angleCount * turns;
        var accumulated = new double[radiusCount];
        var next = new double[radiusCount];
        var back = new sbyte[steps * radiusCount];
        for (var r = 0; r < radiusCount; r++)
        {
            accumulated[r] = fixedStart < 0 || r == fixedStart ? cost[r] : double.PositiveInfinity;
        }
        for (var s = 1; s < steps; s++)
        {
            var row = s % angleCount * radiusCount;
            for (var r = 0; r < radiusCount; r++)
            {
                var best = double.PositiveInfinity;
                var bestStep = 0;
                for (var m = 0; m <= 2 * maxStep; m++)
                {
                    var d = (m + 1) / 2 * (m % 2 == 0 ? 1 : -1);
                    var from = r - d;
                    if (from < 0 || from >= radiusCount)
                    {
                        continue;
                    }
                    var candidate = accumulated[from] + stepPenalty * d * d;
                    if (candidate < best)
                    {
                        best = candidate;
                        bestStep = d;
                    }
                }
                next[r] = best + cost[row + r];
                back[s * radiusCount + r] = (sbyte)bestStep;
            }
            (accumulated, next) = (next, accumulated);
        }
        var end = -1;
        var endCost = double.PositiveInfinity;
        var closed = fixedStart >= 0 && turns == 1;
        for (var r = 0; r < radiusCount; r++)
        {
            if (closed && Math.Abs(r - fixedStart) > maxStep)
            {
                continue;
            }
            var total = accumulated[r] + (closed ? stepPenalty * (r - fixedStart) * (r - fixedStart) : 0);
            if (end < 0 || total < endCost)
            {
                end = r;
                endCost = total;
            }
        }
        var path = new int[steps];
        path[steps - 1] = end;
        for (var s = steps - 1; s > 0; s--)
        {
            path[s - 1] = path[s] - back[s * radiusCount + path[s]];
        }
        return path;
    }
}
