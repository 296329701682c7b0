namespace CartLedger.Domain.Statistics;

/// <summary>Fisher's exact test on a 2x2 table [[a, b], [c, d]].</summary>
/// <param name="TwoSidedP">SPSS "Exact Sig. (2-sided)": the sum of the probabilities of all tables with the same
/// margins that are no more probable than the observed one.</param>
/// <param name="LessP">P(A &lt;= a): one-sided, fewer in cell a.</param>
/// <param name="GreaterP">P(A &gt;= a): one-sided, more in cell a. SPSS's "Exact Sig. (1-sided)" is the smaller of the two.</param>
public sealed record FisherExactResult(double TwoSidedP, double LessP, double GreaterP)
{
    public double OneSidedP => Math.Min(LessP, GreaterP);
}

public static class FisherExact
{
    /// <summary>Relative tolerance when comparing table probabilities with the observed one (as R's fisher.test: 1e-7).</summary>
    private const double RelativeTolerance = 1 + 1e-7;

    public static FisherExactResult Test(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0 || a + b + c + d == 0)
        {
            throw new ArgumentException("Fisher's exact test needs non-negative counts and at least one observation");
        }
        var row1 = a + b;
        var col1 = a + c;
        var n = a + b + c + d;
        var lo = Math.Max(0, row1 + col1 - n);
        var hi = Math.Min(row1, col1);
        var logDenominator = LogChoose(n, col1);
        var probabilities = Enumerable.Range(lo, hi - lo + 1)
            .Select(x => Math.Exp(LogChoose(row1, x) + LogChoose(n - row1, col1 - x) - logDenominator)).ToArray();
        var observed = probabilities[a - lo];
        var two = probabilities.Where(p => p <= observed * RelativeTolerance).Sum();
        var less = probabilities.Take(a - lo + 1).Sum();
        var greater = probabilities.Skip(a - lo).Sum();
        return new FisherExactResult(Math.Min(1, two), Math.Min(1, less), Math.Min(1, greater));
    }

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1);
}
