using CartLedger.Domain.Statistics;

namespace CartLedger.Domain.Tests.Statistics;

/// <summary>Kappa and ICC against published worked examples and statsmodels 0.13 / SciPy 1.10 reference values.</summary>
public class AgreementTests
{
    private const double Tight = 1e-10;

    [Fact]
    public void Kappa_of_the_textbook_2x2_example_is_0_4_with_Fleiss_Cohen_Everitt_standard_errors()
    {
        // 50 items, po = 0.7, pe = 0.5 (the standard worked example); ASEs as statsmodels' cohens_kappa computes them.
        var result = CohenKappa.FromTable(new[,] { { 20, 5 }, { 10, 15 } });
        Assert.Equal(0.4, result.Kappa, Tight);
        Assert.Equal(0.7, result.ObservedAgreement, Tight);
        Assert.Equal(0.5, result.ExpectedAgreement, Tight);
        Assert.Equal(0.12699606293110033, result.AsymptoticStandardError, Tight);
        Assert.Equal(2.886751345948128, result.ApproximateT, Tight);
        Assert.Equal(0.0038924171227786367, result.P, Tight);
    }

    [Fact]
    public void Kappa_of_a_3x3_table_matches_statsmodels_and_ratings_build_the_same_table()
    {
        var table = new[,] { { 22, 3, 1 }, { 4, 18, 2 }, { 1, 3, 16 } };
        var result = CohenKappa.FromTable(table);
        Assert.Equal(0.6977174583590378, result.Kappa, Tight);
        Assert.Equal(0.07234487340107465, result.AsymptoticStandardError, Tight);
        Assert.Equal(8.223719494545138, result.ApproximateT, Tight);
        var (rater1, rater2) = (new List<string>(), new List<string>());
        string[] names = ["adjacent", "remote", "within"];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                rater1.AddRange(Enumerable.Repeat(names[i], table[i, j]));
                rater2.AddRange(Enumerable.Repeat(names[j], table[i, j]));
            }
        }
        Assert.Equal(result, CohenKappa.FromRatings(rater1, rater2));
    }

    // Shrout and Fleiss (1979), Table 2: 6 targets rated by 4 judges.
    private static readonly double[,] ShroutFleiss =
    {
        { 9, 2, 5, 8 }, { 6, 1, 3, 2 }, { 8, 4, 6, 8 }, { 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 },
    };

    [Theory]
    // Published (Shrout and Fleiss 1979, Table 4, two decimals): ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44,
    // ICC(2,4) .62, ICC(3,4) .91. Full precision, F, p and 95 % CIs: the McGraw-Wong formulas evaluated in SciPy 1.10.
    [InlineData(IccModel.OneWayRandom, 0.16574176840547553, -0.13293232487475096, 0.7225600623281211, 0.44, 1.7946784922394685, 0.1647688083446397)]
    [InlineData(IccModel.TwoWayAbsoluteAgreement, 0.2897637795275592, 0.018786513374712044, 0.7610843696489528, 0.62, 11.027247956403299, 0.00013456651648433476)]
    [InlineData(IccModel.TwoWayConsistency, 0.7148407148407154, 0.34246476503392614, 0.9458582599553597, 0.91, 11.027247956403299, 0.00013456651648433476)]
    public void ICC_reproduces_Shrout_and_Fleiss(IccModel model, double single, double lower, double upper, double publishedAverage, double f, double p)
    {
        var result = IntraclassCorrelation.Compute(ShroutFleiss, model);
        Assert.Equal(single, result.Single.Value, Tight);
        Assert.Equal(lower, result.Single.Lower, 1e-8);
        Assert.Equal(upper, result.Single.Upper, 1e-8);
        Assert.Equal(publishedAverage, Math.Round(result.Average.Value, 2));
        Assert.Equal(f, result.Single.F, Tight);
        Assert.Equal(p, result.Single.P, 1e-12);
    }

    [Fact]
    public void Average_measure_bounds_match_the_reference()
    {
        var consistency = IntraclassCorrelation.Compute(ShroutFleiss, IccModel.TwoWayConsistency).Average;
        Assert.Equal((0.6756747138163055, 0.9858916781690623), (Math.Round(consistency.Lower, 12), Math.Round(consistency.Upper, 12)), new ToleranceComparer(1e-8));
        var absolute = IntraclassCorrelation.Compute(ShroutFleiss, IccModel.TwoWayAbsoluteAgreement).Average;
        Assert.Equal((0.07113681530250347, 0.9272320401677219), (absolute.Lower, absolute.Upper), new ToleranceComparer(1e-8));
        var oneWay = IntraclassCorrelation.Compute(ShroutFleiss, IccModel.OneWayRandom).Average;
        Assert.Equal((-0.8844421552381196, 0.9124154203407756), (oneWay.Lower, oneWay.Upper), new ToleranceComparer(1e-8));
    }

    [Fact]
    public void Identical_raters_agree_perfectly()
    {
        var ratings = new double[,] { { 120, 120 }, { 95, 95 }, { 210, 210 }, { 163, 163 } };
        Assert.Equal(1, IntraclassCorrelation.Compute(ratings, IccModel.TwoWayAbsoluteAgreement).Single.Value, Tight);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
