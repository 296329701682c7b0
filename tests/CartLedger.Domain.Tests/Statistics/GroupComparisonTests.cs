using CartLedger.Domain.Statistics;
using MathNet.Numerics.Distributions;

namespace CartLedger.Domain.Tests.Statistics;

/// <summary>Mann-Whitney, t test, Fisher and chi-square against brute force, MathNet, SciPy 1.10 and seed 2's own p-values.</summary>
public class GroupComparisonTests
{
    private const double Tight = 1e-10;

    // Distances to target (mm) shaped like seed 1 Table 2 (target 8 [0-22] vs non-target 26 [17-46]); not the raw data.
    private static readonly double[] Target = [8, 0, 22, 5, 13, 2];
    private static readonly double[] NonTarget = [26, 17, 46, 30, 19, 55, 21, 40, 24];

    [Fact]
    public void Mann_Whitney_matches_SciPy_exact_and_asymptotic()
    {
        var result = MannWhitney.Test(Target, NonTarget);
        Assert.Equal(3, result.U);
        Assert.Equal(0.002797202797202797, result.ExactP!.Value, Tight);
        Assert.Equal(0.0046777349810472576, result.AsymptoticP, Tight);
    }

    [Fact]
    public void Mann_Whitney_corrects_Z_for_ties()
    {
        var result = MannWhitney.Test([1, 2, 2, 3, 3, 3, 4, 7], [3, 4, 4, 5, 6, 6, 8, 9, 9, 10]);
        Assert.Equal(9.5, result.U);
        Assert.Equal(0.006255380959809242, result.AsymptoticP, Tight);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 5)]
    [InlineData(4, 7)]
    public void The_exact_distribution_of_U_equals_counting_every_assignment(int n1, int n2)
    {
        // Brute force: every way to choose which of the ranks 1..n1+n2 belong to group 1.
        var counts = new Dictionary<int, long>();
        var total = 0L;
        foreach (var subset in Subsets(n1 + n2, n1))
        {
            var u = subset.Sum() + n1 - n1 * (n1 + 1) / 2; // ranks are index + 1
            counts[u] = counts.GetValueOrDefault(u) + 1;
            total++;
        }
        for (var u = 0; u <= n1 * n2; u++)
        {
            var expected = counts.Where(c => c.Key <= u).Sum(c => c.Value) / (double)total;
            Assert.Equal(expected, MannWhitney.ExactLowerTail(n1, n2, u), 1e-12);
        }
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                yield return [.. Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0)];
            }
        }
    }

    [Fact]
    public void Student_t_matches_SciPy_for_both_variance_assumptions()
    {
        var result = StudentTTest.Independent(Target, NonTarget);
        Assert.Equal(-3.713882021610655, result.PooledT, Tight);
        Assert.Equal(0.0026003218716259668, result.PooledP, Tight);
        Assert.Equal(-4.0922928352463614, result.WelchT, Tight);
        Assert.Equal(0.0012771581564723616, result.WelchP, Tight);
        Assert.Equal(2 * StudentT.CDF(0, 1, 13, -Math.Abs(result.PooledT)), result.PooledP, Tight);
    }

    [Theory]
    // Seed 2 Table 1, responders (n = 25) vs nonresponders (n = 4): SPSS's Fisher p-values as printed.
    [InlineData(13, 12, 4, 0, 0.121)] // male
    [InlineData(4, 21, 1, 3, 0.553)]  // history of AF
    [InlineData(5, 20, 0, 4, 1.000)]  // type 2 DM
    [InlineData(19, 6, 1, 3, 0.076)]  // LBBB
    [InlineData(21, 4, 2, 2, 0.180)]  // beta-blocker
    [InlineData(23, 2, 4, 0, 1.000)]  // ACE inhibitor / ARB
    [InlineData(9, 16, 3, 1, 0.279)]  // spironolactone
    [InlineData(13, 12, 3, 1, 0.606)] // NYHA class II
    public void Fisher_reproduces_seed_2_table_1(int a, int b, int c, int d, double published)
    {
        Assert.Equal(published, Math.Round(FisherExact.Test(a, b, c, d).TwoSidedP, 3));
    }

    [Fact]
    public void Fisher_one_sided_tails_add_up_through_the_observed_table()
    {
        var result = FisherExact.Test(13, 12, 4, 0);
        Assert.Equal(0.12104753484063828, result.TwoSidedP, Tight);
        var observed = Hypergeometric.PMF(29, 17, 4, 4);
        Assert.Equal(1 + observed, result.LessP + result.GreaterP, Tight);
    }

    [Fact]
    public void Chi_square_matches_SciPy_with_and_without_Yates()
    {
        var result = ChiSquareTest.Test(new[,] { { 12, 5 }, { 7, 9 } });
        Assert.Equal(2.4305755196815575, result.ChiSquare, Tight);
        Assert.Equal(0.118989205532145, result.P, Tight);
        Assert.Equal(1.455996378814684, result.YatesChiSquare!.Value, Tight);
        Assert.Equal(0.22756821457580642, result.YatesP!.Value, Tight);
        var bigger = ChiSquareTest.Test(new[,] { { 10, 4, 6 }, { 3, 12, 5 }, { 2, 6, 14 } });
        Assert.Equal(18.0937520661157, bigger.ChiSquare, Tight);
        Assert.Equal(4, bigger.Df);
        Assert.Equal(0.001183103404195963, bigger.P, Tight);
        Assert.Null(bigger.YatesP);
    }

    [Fact]
    public void Empty_rows_and_negative_counts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Test(new[,] { { 0, 0 }, { 3, 4 } }));
        Assert.Throws<ArgumentException>(() => FisherExact.Test(-1, 2, 3, 4));
    }
}
