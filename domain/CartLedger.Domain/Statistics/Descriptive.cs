namespace CartLedger.Domain.Statistics;

/// <summary>Mean and standard deviation (n - 1 denominator), as SPSS Descriptives reports them.</summary>
public sealed record MeanSd(int N, double Mean, double StandardDeviation);

/// <summary>Median and interquartile range (25th and 75th percentiles).</summary>
public sealed record MedianIqr(int N, double Median, double Q1, double Q3)
{
    public double Iqr => Q3 - Q1;
}

/// <summary>
/// Descriptive statistics. Percentiles use SPSS's default definition (EXAMINE / FREQUENCIES "HAVERAGE": weighted
/// average at position (n + 1) p, clamped to the smallest and largest value), which is what the papers' medians
/// and IQRs (SPSS 23 and 26) are.
/// </summary>
public static class Descriptive
{
    public static MeanSd MeanSd(IReadOnlyCollection<double> values)
    {
        Require(values, 2, "mean and SD");
        // Two-pass: the mean first, then squared deviations, so large offsets do not cancel digits.
        var mean = values.Sum() / values.Count;
        var ss = values.Sum(v => (v - mean) * (v - mean));
        return new MeanSd(values.Count, mean, Math.Sqrt(ss / (values.Count - 1)));
    }

    public static MedianIqr MedianIqr(IReadOnlyCollection<double> values)
    {
        Require(values, 1, "median and IQR");
        var sorted = values.Order().ToArray();
        return new MedianIqr(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.25), Percentile(sorted, 0.75));
    }

    /// <summary>SPSS HAVERAGE percentile of sorted values: position (n + 1) p, linear between neighbours.</summary>
    public static double Percentile(IReadOnlyList<double> sortedValues, double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "percentile fraction must be in (0, 1)");
        }
        var n = sortedValues.Count;
        var position = (n + 1) * p;
        var k = (int)Math.Floor(position);
        if (k < 1)
        {
            return sortedValues[0];
        }
        if (k >= n)
        {
            return sortedValues[n - 1];
        }
        var fraction = position - k;
        return sortedValues[k - 1] + fraction * (sortedValues[k] - sortedValues[k - 1]);
    }

    internal static void Require(IReadOnlyCollection<double> values, int minimum, string what)
    {
        if (values.Count < minimum)
        {
            throw new ArgumentException($"{what} needs at least {minimum} values, got {values.Count}", nameof(values));
        }
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"{what}: every value must be a finite number", nameof(values));
        }
    }
}
