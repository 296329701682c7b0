using CartLedger.Domain.Statistics;
using MathNet.Numerics.Distributions;
using MathNetSpecial = MathNet.Numerics.SpecialFunctions;

namespace CartLedger.Domain.Tests.Statistics;

/// <summary>The plain-C# special functions against MathNet.Numerics, an independent implementation.</summary>
public class SpecialFunctionsTests
{
    private const double Tolerance = 1e-12;

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    public static TheoryData<double> Positives => [1e-3, 0.1, 0.5, 1, 1.5, 2.5, 7, 13.3, 50, 171.2];

    [Theory]
    [MemberData(nameof(Positives))]
    public void Log_gamma_matches_MathNet(double x) => Close(MathNetSpecial.GammaLn(x), SpecialFunctions.LogGamma(x), $"lnGamma({x})");

    [Fact]
    public void Log_gamma_of_integers_is_the_log_factorial()
    {
        for (var n = 1; n <= 20; n++)
        {
            Close(Math.Log(Enumerable.Range(1, n - 1).Aggregate(1.0, (f, i) => f * i)), SpecialFunctions.LogGamma(n), $"lnGamma({n})");
        }
    }

    [Fact]
    public void Incomplete_gamma_and_beta_match_MathNet_over_a_grid()
    {
        foreach (var a in new[] { 0.5, 1, 2.5, 6, 20, 80 })
        {
            foreach (var x in new[] { 0.01, 0.3, 1, 2.2, 5, 12, 40, 100 })
            {
                Close(MathNetSpecial.GammaLowerRegularized(a, x), SpecialFunctions.GammaP(a, x), $"P({a}, {x})");
                Close(MathNetSpecial.GammaUpperRegularized(a, x), SpecialFunctions.GammaQ(a, x), $"Q({a}, {x})");
            }
        }
        foreach (var a in new[] { 0.5, 1, 3, 7.5, 40 })
        {
            foreach (var b in new[] { 0.5, 2, 9, 30 })
            {
                foreach (var x in new[] { 0.001, 0.1, 0.35, 0.5, 0.8, 0.999 })
                {
                    Close(MathNetSpecial.BetaRegularized(a, b, x), SpecialFunctions.BetaRegularized(a, b, x), $"I({x}; {a}, {b})");
                }
            }
        }
    }

    [Fact]
    public void Normal_CDF_and_quantile_match_MathNet_into_the_tails()
    {
        for (var z = -8.0; z <= 8.0; z += 0.37)
        {
            Close(Normal.CDF(0, 1, z), Distributions.NormalCdf(z), $"Phi({z})");
        }
        foreach (var p in new[] { 1e-12, 1e-6, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-9 })
        {
            Assert.True(Math.Abs(Normal.InvCDF(0, 1, p) - Distributions.NormalQuantile(p)) < 1e-9, $"quantile {p}");
        }
        Assert.Equal(1.959963984540054, Distributions.NormalQuantile(0.975), 12);
    }

    [Fact]
    public void T_chi_square_and_F_distributions_match_MathNet()
    {
        foreach (var df in new[] { 1.0, 3, 7.5, 13, 29, 120 })
        {
            foreach (var t in new[] { -4.2, -1.1, 0, 0.3, 2.05, 6 })
            {
                Close(StudentT.CDF(0, 1, df, t), Distributions.StudentTCdf(t, df), $"T({t}; {df})");
            }
            foreach (var x in new[] { 0.2, 1, 3.84, 9, 30 })
            {
                Close(1 - ChiSquared.CDF(df, x), Distributions.ChiSquareUpperTail(x, df), $"chi2({x}; {df})");
            }
        }
        foreach (var (d1, d2) in new[] { (5.0, 15.0), (5, 18), (1, 10), (12, 3.7) })
        {
            foreach (var f in new[] { 0.4, 1, 1.79, 11.03 })
            {
                Close(1 - FisherSnedecor.CDF(d1, d2, f), Distributions.FUpperTail(f, d1, d2), $"F({f}; {d1}, {d2})");
            }
            Assert.True(Math.Abs(FisherSnedecor.InvCDF(d1, d2, 0.975) - Distributions.FQuantile(0.975, d1, d2)) < 1e-9, $"F quantile ({d1}, {d2})");
        }
    }
}
