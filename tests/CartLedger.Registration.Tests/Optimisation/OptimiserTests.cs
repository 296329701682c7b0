using CartLedger.Registration.Optimisation;

namespace CartLedger.Registration.Tests.Optimisation;

public class OptimiserTests
{
    private const double PointTolerance = 1e-3;

    private static double Quadratic(double[] x) => (x[0] - 3) * (x[0] - 3) + 4 * (x[1] + 2) * (x[1] + 2) + (x[2] - 0.5) * (x[2] - 0.5) + x[0] * x[2] * 0.3;

    /// <summary>Minimum of <see cref="Quadratic"/>: grad = 0 gives x0 = (6 - 0.15) / (2 - 0.045), x2 = 0.5 - 0.15 x0, x1 = -2.</summary>
    private static readonly double[] QuadraticMinimum = [(6 - 0.15) / (2 - 0.045), -2, 0.5 - 0.15 * (6 - 0.15) / (2 - 0.045)];

    [Fact]
    public void Nelder_Mead_finds_the_minimum_of_a_coupled_quadratic()
    {
        var result = NelderMead.Minimize(Quadratic, [0, 0, 0], [1, 1, 1], tolerance: 1e-6, maxEvaluations: 2000);
        Assert.True(result.Converged);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(QuadraticMinimum[i], result.Point[i], PointTolerance);
        }
    }

    [Fact]
    public void CMA_ES_escapes_local_minima_of_Rastrigin_and_is_reproducible()
    {
        // Rastrigin in 3 D: global minimum 0 at the origin, a local minimum at every integer point.
        static double Rastrigin(double[] x) => x.Sum(v => v * v - 10 * Math.Cos(2 * Math.PI * v) + 10);
        var first = CmaEs.Minimize(Rastrigin, [3.2, -2.7, 2.1], [1, 1, 1], sigma: 4, seed: 11, populationSize: 100, maxGenerations: 300);
        var second = CmaEs.Minimize(Rastrigin, [3.2, -2.7, 2.1], [1, 1, 1], sigma: 4, seed: 11, populationSize: 100, maxGenerations: 300, parallel: true);
        Assert.All(first.Point, v => Assert.InRange(v, -0.01, 0.01));
        Assert.Equal(first.Point, second.Point);
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void Levenberg_Marquardt_fits_an_exponential_decay_exactly()
    {
        var t = Enumerable.Range(0, 20).Select(i => i * 0.25).ToArray();
        var y = t.Select(v => 4.0 * Math.Exp(-0.7 * v) + 0.5).ToArray();
        var result = LevenbergMarquardt.Minimize(p => t.Select((v, i) => p[0] * Math.Exp(-p[1] * v) + p[2] - y[i]).ToArray(),
            [1, 0.1, 0], [1e-6, 1e-6, 1e-6]);
        Assert.Equal(4.0, result.Point[0], 1e-6);
        Assert.Equal(0.7, result.Point[1], 1e-6);
        Assert.Equal(0.5, result.Point[2], 1e-6);
    }
}
