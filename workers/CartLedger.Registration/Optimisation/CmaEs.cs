using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Optimisation;

/// <summary>
/// CMA-ES (Hansen's covariance matrix adaptation evolution strategy, the (mu/mu_w, lambda) variant of "The CMA
/// Evolution Strategy: A Tutorial", 2016) for global searches over a few pose parameters, e.g. the 6-DOF two-view
/// refinement. Seeded: the same seed, start and objective give the same result; a generation's candidates may be
/// evaluated in parallel because each lands in its own slot before anything is ranked.
/// </summary>
public static class CmaEs
{
    /// <param name="objective">The function to minimise (must be thread-safe when <paramref name="parallel"/> is set).</param>
    /// <param name="start">The initial mean.</param>
    /// <param name="scales">Per-coordinate scale: the search runs on x / scale, so sigma is in units of these.</param>
    /// <param name="sigma">Initial step size in scaled units (about a third of the search range).</param>
    /// <param name="seed">Seed of the sampling.</param>
    /// <param name="populationSize">lambda; 0 picks the default 4 + 3 ln n.</param>
    /// <param name="maxGenerations">Hard cap.</param>
    /// <param name="parallel">Evaluate each generation's candidates in parallel.</param>
    public static OptimisationResult Minimize(Func<double[], double> objective, double[] start, double[] scales, double sigma, int seed,
        int populationSize = 0, int maxGenerations = 100, bool parallel = false)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var n = start.Length;
        var lambda = populationSize > 0 ? populationSize : 4 + (int)(3 * Math.Log(n));
        var mu = lambda / 2;
        var weights = Enumerable.Range(0, mu).Select(i => Math.Log(mu + 0.5) - Math.Log(i + 1)).ToArray();
        var weightSum = weights.Sum();
        for (var i = 0; i < mu; i++)
        {
            weights[i] /= weightSum;
        }
        var muEff = 1 / weights.Sum(w => w * w);
        var cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        var cs = (muEff + 2) / (n + muEff + 5);
        var c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        var cmu = Math.Min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        var damps = 1 + 2 * Math.Max(0, Math.Sqrt((muEff - 1) / (n + 1)) - 1) + cs;
        var chiN = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        var random = new Random(seed);
        var mean = Vector<double>.Build.Dense(n, i => start[i] / scales[i]);
        var pc = Vector<double>.Build.Dense(n);
        var ps = Vector<double>.Build.Dense(n);
        var c = Matrix<double>.Build.DenseIdentity(n);
        var b = Matrix<double>.Build.DenseIdentity(n);
        var d = Vector<double>.Build.Dense(n, 1.0);
        var bestPoint = (double[])start.Clone();
        var bestValue = Evaluate(objective, start);
        var evaluations = 1;
        var converged = false;
        for (var generation = 0; generation < maxGenerations; generation++)
        {
            var z = new Vector<double>[lambda];
            var y = new Vector<double>[lambda];
            var points = new double[lambda][];
            for (var k = 0; k < lambda; k++)
            {
                z[k] = Vector<double>.Build.Dense(n, _ => Gaussian(random));
                y[k] = b * d.PointwiseMultiply(z[k]);
                var x = mean + sigma * y[k];
                points[k] = [.. Enumerable.Range(0, n).Select(i => x[i] * scales[i])];
            }
            var values = new double[lambda];
            if (parallel)
            {
                Parallel.For(0, lambda, k => values[k] = Evaluate(objective, points[k]));
            }
            else
            {
                for (var k = 0; k < lambda; k++)
                {
                    values[k] = Evaluate(objective, points[k]);
                }
            }
            evaluations += lambda;
            var rank = Enumerable.Range(0, lambda).OrderBy(k => values[k]).ThenBy(k => k).ToArray();
            if (values[rank[0]] < bestValue)
            {
                (bestValue, bestPoint) = (values[rank[0]], points[rank[0]]);
            }
            var yw = Vector<double>.Build.Dense(n);
            for (var i = 0; i < mu; i++)
            {
                yw += weights[i] * y[rank[i]];
            }
            mean += sigma * yw;
            var invSqrtC = b * Matrix<double>.Build.DiagonalOfDiagonalVector(d.Map(v => 1 / v)) * b.Transpose();
            ps = (1 - cs) * ps + Math.Sqrt(cs * (2 - cs) * muEff) * (invSqrtC * yw);
            var hsig = ps.L2Norm() / Math.Sqrt(1 - Math.Pow(1 - cs, 2 * (generation + 1))) / chiN < 1.4 + 2.0 / (n + 1) ? 1.0 : 0.0;
            pc = (1 - cc) * pc + hsig * Math.Sqrt(cc * (2 - cc) * muEff) * yw;
            var rankMu = Matrix<double>.Build.Dense(n, n);
            for (var i = 0; i < mu; i++)
            {
                rankMu += weights[i] * y[rank[i]].OuterProduct(y[rank[i]]);
            }
            c = (1 - c1 - cmu) * c + c1 * (pc.OuterProduct(pc) + (1 - hsig) * cc * (2 - cc) * c) + cmu * rankMu;
            sigma *= Math.Exp(cs / damps * (ps.L2Norm() / chiN - 1));
            c = 0.5 * (c + c.Transpose());
            var evd = c.Evd(Symmetricity.Symmetric);
            b = evd.EigenVectors;
            d = evd.EigenValues.Map(e => Math.Sqrt(Math.Max(e.Real, 1e-20)));
            if (sigma * d.Maximum() < 1e-4)
            {
                converged = true;
                break;
            }
        }
        return new OptimisationResult(bestPoint, bestValue, evaluations, converged);
    }

    private static double Evaluate(Func<double[], double> objective, double[] x)
    {
        var v = objective(x);
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }

    /// <summary>Box-Muller from the seeded generator (the same sequence on every platform).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
