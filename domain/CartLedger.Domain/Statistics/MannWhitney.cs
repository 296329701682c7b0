namespace CartLedger.Domain.Statistics;

/// <summary>
/// Mann-Whitney U result as SPSS NPAR TESTS /M-W reports it: the rank sums, U (the smaller of U1 and U2), Z with
/// the tie correction, the asymptotic two-sided p ("Asymp. Sig. (2-tailed)", no continuity correction) and, for
/// small samples, the exact two-sided p ("Exact Sig. [2*(1-tailed Sig.)]", from the no-ties distribution: SPSS
/// footnotes it "Not corrected for ties").
/// </summary>
public sealed record MannWhitneyResult(int N1, int N2, double RankSum1, double RankSum2, double U1, double U2, double Z, double AsymptoticP, double? ExactP)
{
    /// <summary>The U SPSS prints: min(U1, U2).</summary>
    public double U => Math.Min(U1, U2);
}

/// <summary>Mann-Whitney U test for two independent samples (mid-ranks for ties).</summary>
public static class MannWhitney
{
    /// <summary>Exact p is computed while n1 * n2 is at most this (SPSS prints it for small samples).</summary>
    public const int MaxExactProduct = 2500;

    public static MannWhitneyResult Test(IReadOnlyCollection<double> group1, IReadOnlyCollection<double> group2)
    {
        Descriptive.Require(group1, 1, "Mann-Whitney group 1");
        Descriptive.Require(group2, 1, "Mann-Whitney group 2");
        int n1 = group1.Count, n2 = group2.Count, n = n1 + n2;
        var all = group1.Select(v => (Value: v, Group: 1)).Concat(group2.Select(v => (Value: v, Group: 2))).OrderBy(p => p.Value).ToArray();
        var ranks = new double[n];
        var tieTerm = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value == all[i].Value)
            {
                j++;
            }
            var t = j - i + 1;
            tieTerm += (double)t * t * t - t;
            for (var k = i; k <= j; k++)
            {
                ranks[k] = (i + j + 2) / 2.0; // mid-rank, ranks start at 1
            }
            i = j + 1;
        }
        var r1 = Enumerable.Range(0, n).Where(i => all[i].Group == 1).Sum(i => ranks[i]);
        var r2 = n * (n + 1) / 2.0 - r1;
        var u1 = r1 - n1 * (n1 + 1) / 2.0;
        var u2 = (double)n1 * n2 - u1;
        var variance = n1 * (double)n2 / (n * (n - 1.0)) * (((double)n * n * n - n) / 12 - tieTerm / 12);
        var z = variance > 0 ? (Math.Min(u1, u2) - n1 * (double)n2 / 2) / Math.Sqrt(variance) : 0;
        var asymptotic = variance > 0 ? Math.Min(1, 2 * Distributions.NormalCdf(-Math.Abs(z))) : 1;
        double? exact = (long)n1 * n2 <= MaxExactProduct ? Math.Min(1, 2 * ExactLowerTail(n1, n2, Math.Min(u1, u2))) : null;
        return new MannWhitneyResult(n1, n2, r1, r2, u1, u2, z, asymptotic, exact);
    }

    /// <summary>P(U &lt;= u) under H0 without ties: the permutation distribution, by the recurrence
    /// p(u; m, n) = m/(m+n) p(u - n; m - 1, n) + n/(m+n) p(u; m, n - 1).</summary>
    public static double ExactLowerTail(int n1, int n2, double u)
    {
        var limit = (int)Math.Floor(u + 1e-9);
        // probability[j][v] for the current m: P(U = v) with m and j observations.
        var previous = new double[n2 + 1][];
        for (var j = 0; j <= n2; j++)
        {
            previous[j] = new double[1];
            previous[j][0] = 1; // m = 0: U = 0 with certainty
        }
        for (var m = 1; m <= n1; m++)
        {
            var current = new double[n2 + 1][];
            current[0] = [1]; // j = 0: U = 0
            for (var j = 1; j <= n2; j++)
            {
                var size = m * j + 1;
                var row = new double[size];
                for (var v = 0; v < size; v++)
                {
                    var fromLess = v - j >= 0 && v - j < previous[j].Length ? previous[j][v - j] : 0;
                    var fromFewer = v < current[j - 1].Length ? current[j - 1][v] : 0;
                    row[v] = (m * fromLess + j * fromFewer) / (m + j);
                }
                current[j] = row;
            }
            previous = current;
        }
        var distribution = previous[n2];
        var sum = 0.0;
        for (var v = 0; v <= Math.Min(limit, distribution.Length - 1); v++)
        {
            sum += distribution[v];
        }
        return sum;
    }
}
