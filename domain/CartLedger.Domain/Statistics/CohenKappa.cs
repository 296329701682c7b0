namespace CartLedger.Domain.Statistics;

/// <summary>
/// Cohen's kappa as SPSS CROSSTABS /STATISTICS=KAPPA reports it: the value, "Asymp. Std. Error" (ASE not assuming
/// the null hypothesis), "Approx. T" (kappa over the ASE under the null) and its two-sided normal p.
/// Standard errors by Fleiss, Cohen and Everitt (Psychological Bulletin 72, 1969).
/// </summary>
public sealed record KappaResult(double Kappa, double ObservedAgreement, double ExpectedAgreement, double AsymptoticStandardError, double ApproximateT, double P);

public static class CohenKappa
{
    /// <summary>From a k x k agreement table (rows: rater 1, columns: rater 2, same category order).</summary>
    public static KappaResult FromTable(int[,] table)
    {
        var k = table.GetLength(0);
        if (k < 2 || table.GetLength(1) != k)
        {
            throw new ArgumentException("kappa needs a square table with at least 2 categories", nameof(table));
        }
        var n = 0.0;
        foreach (var count in table)
        {
            n += count >= 0 ? count : throw new ArgumentException("counts must be non-negative", nameof(table));
        }
        var p = new double[k, k];
        var row = new double[k];
        var col = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                p[i, j] = table[i, j] / n;
                row[i] += p[i, j];
                col[j] += p[i, j];
            }
        }
        var po = Enumerable.Range(0, k).Sum(i => p[i, i]);
        var pe = Enumerable.Range(0, k).Sum(i => row[i] * col[i]);
        if (pe >= 1)
        {
            throw new ArgumentException("kappa is undefined when chance agreement is 1 (one category only)", nameof(table));
        }
        var kappa = (po - pe) / (1 - pe);
        var diagonal = Enumerable.Range(0, k).Sum(i => p[i, i] * Math.Pow((1 - pe) - (row[i] + col[i]) * (1 - po), 2));
        var offDiagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                offDiagonal += i == j ? 0 : p[i, j] * Math.Pow(col[i] + row[j], 2);
            }
        }
        var ase1 = Math.Sqrt(Math.Max(0, diagonal + (1 - po) * (1 - po) * offDiagonal - Math.Pow(po * pe - 2 * pe + po, 2)) / (n * Math.Pow(1 - pe, 4)));
        var ase0 = Math.Sqrt((pe + pe * pe - Enumerable.Range(0, k).Sum(i => row[i] * col[i] * (row[i] + col[i]))) / (n * (1 - pe) * (1 - pe)));
        var t = kappa / ase0;
        return new KappaResult(kappa, po, pe, ase1, t, 2 * Distributions.NormalUpperTail(Math.Abs(t)));
    }

    /// <summary>From two raters' labels of the same items (categories are the union of both, in sorted order).</summary>
    public static KappaResult FromRatings<T>(IReadOnlyList<T> rater1, IReadOnlyList<T> rater2) where T : IComparable<T>
    {
        if (rater1.Count != rater2.Count || rater1.Count == 0)
        {
            throw new ArgumentException("both raters must rate the same, non-empty list of items");
        }
        var categories = rater1.Concat(rater2).Distinct().Order().ToList();
        var table = new int[categories.Count, categories.Count];
        for (var i = 0; i < rater1.Count; i++)
        {
            table[categories.IndexOf(rater1[i]), categories.IndexOf(rater2[i])]++;
        }
        return FromTable(table);
    }
}
