using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Optimisation;

/// <summary>
/// Levenberg-Marquardt for small non-linear least-squares problems (pose from landmark reprojections, triangulation
/// refinement): minimises sum r_i(x)^2 with a central-difference Jacobian and Marquardt's diagonal scaling.
/// </summary>
public static class LevenbergMarquardt
{
    public sealed record Result(double[] Point, double[] Residuals, double SumOfSquares, int Iterations, bool Converged, Matrix<double> JacobianAtSolution);

    /// <param name="residuals">r(x); its length must not change between calls.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="differenceSteps">Finite-difference step per parameter (units of that parameter).</param>
    /// <param name="maxIterations">Hard cap on accepted and rejected steps together.</param>
    public static Result Minimize(Func<double[], double[]> residuals, double[] start, double[] differenceSteps, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        var x = (double[])start.Clone();
        var r = residuals(x);
        var cost = SumOfSquares(r);
        var lambda = 1e-3;
        var converged = false;
        var iterations = 0;
        var jacobian = Jacobian(residuals, x, differenceSteps, r.Length);
        while (iterations++ < maxIterations)
        {
            var j = jacobian;
            var jt = j.Transpose();
            var jtj = jt * j;
            var gradient = jt * Vector<double>.Build.DenseOfArray(r);
            var damped = jtj.Clone();
            for (var i = 0; i < x.Length; i++)
            {
                damped[i, i] += lambda * Math.Max(jtj[i, i], 1e-12);
            }
            var step = damped.Solve(-gradient);
            var candidate = x.Zip(step, (a, s) => a + s).ToArray();
            var candidateResiduals = residuals(candidate);
            var candidateCost = SumOfSquares(candidateResiduals);
            if (candidateCost < cost)
            {
                var improvement = cost - candidateCost;
                (x, r, cost) = (candidate, candidateResiduals, candidateCost);
                lambda = Math.Max(lambda / 10, 1e-12);
                jacobian = Jacobian(residuals, x, differenceSteps, r.Length);
                if (improvement <= 1e-14 * Math.Max(cost, 1e-30) || step.L2Norm() < 1e-12)
                {
                    converged = true;
                    break;
                }
            }
            else
            {
                lambda *= 10;
                if (lambda > 1e12)
                {
                    converged = true;
                    break;
                }
            }
        }
        return new Result(x, r, cost, iterations, converged, jacobian);
    }

    private static Matrix<double> Jacobian(Func<double[], double[]> residuals, double[] x, double[] steps, int m)
    {
        var j = Matrix<double>.Build.Dense(m, x.Length);
        for (var k = 0; k < x.Length; k++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[k] += steps[k];
            minus[k] -= steps[k];
            var rp = residuals(plus);
            var rm = residuals(minus);
            for (var i = 0; i < m; i++)
            {
                j[i, k] = (rp[i] - rm[i]) / (2 * steps[k]);
            }
        }
        return j;
    }

    private static double SumOfSquares(double[] r) => r.Sum(v => v * v);
}
