namespace CartLedger.Registration.Optimisation;

/// <summary>
/// Nelder-Mead downhill simplex (standard coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2) for
/// the local stage after a global search. Derivative-free, so it tolerates a metric that is only piecewise smooth.
/// Deterministic: ties keep the earlier vertex.
/// </summary>
public static class NelderMead
{
    /// <param name="objective">The function to minimise.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="steps">The initial simplex edge along each coordinate (the scale of the expected correction).</param>
    /// <param name="tolerance">Stop when every vertex lies within this many steps-units of the best (relative to <paramref name="steps"/>).</param>
    /// <param name="maxEvaluations">Hard cap on objective calls.</param>
    public static OptimisationResult Minimize(Func<double[], double> objective, double[] start, double[] steps, double tolerance = 1e-3, int maxEvaluations = 400)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var n = start.Length;
        if (steps.Length != n)
        {
            throw new ArgumentException($"{steps.Length} steps for {n} parameters.", nameof(steps));
        }
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        var evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += steps[i - 1];
            }
            values[i] = Eval(simplex[i]);
        }
        var order = new int[n + 1];
        var converged = false;
        while (evaluations < maxEvaluations)
        {
            Sort(values, order);
            int best = order[0], worst = order[n], secondWorst = order[n - 1];
            if (Spread(simplex, best, steps) < tolerance)
            {
                converged = true;
                break;
            }
            var centroid = new double[n];
            for (var k = 0; k < n; k++)
            {
                centroid = Add(centroid, simplex[order[k]], 1.0 / n);
            }
            var reflected = Along(centroid, simplex[worst], -1);
            var fr = Eval(reflected);
            if (fr < values[best])
            {
                var expanded = Along(centroid, simplex[worst], -2);
                var fe = Eval(expanded);
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[secondWorst])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var outside = fr < values[worst];
                var contracted = Along(centroid, simplex[worst], outside ? -0.5 : 0.5);
                var fc = Eval(contracted);
                if (fc < (outside ? fr : values[worst]))
                {
                    (simplex[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        var v = order[i];
                        simplex[v] = Along(simplex[best], simplex[v], 0.5);
                        values[v] = Eval(simplex[v]);
                    }
                }
            }
        }
        Sort(values, order);
        return new OptimisationResult(simplex[order[0]], values[order[0]], evaluations, converged);
    }

    /// <summary>centre + t (point - centre).</summary>
    private static double[] Along(double[] centre, double[] point, double t)
    {
        var result = new double[centre.Length];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = centre[k] + t * (point[k] - centre[k]);
        }
        return result;
    }

    private static double[] Add(double[] a, double[] b, double scale)
    {
        for (var k = 0; k < a.Length; k++)
        {
            a[k] += b[k] * scale;
        }
        return a;
    }

    private static double Spread(double[][] simplex, int best, double[] steps)
    {
        double spread = 0;
        foreach (var vertex in simplex)
        {
            for (var k = 0; k < vertex.Length; k++)
            {
                spread = Math.Max(spread, Math.Abs(vertex[k] - simplex[best][k]) / Math.Abs(steps[k]));
            }
        }
        return spread;
    }

    /// <summary>Stable order by value (insertion sort on n + 1 entries), so ties resolve by vertex index.</summary>
    private static void Sort(double[] values, int[] order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        for (var i = 1; i < order.Length; i++)
        {
            var key = order[i];
            var j = i - 1;
            while (j >= 0 && values[order[j]] > values[key])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
    }
}
