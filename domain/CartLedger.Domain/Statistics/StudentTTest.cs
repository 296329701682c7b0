namespace CartLedger.Domain.Statistics;

/// <summary>
/// Independent-samples t test as SPSS T-TEST reports both rows: "Equal variances assumed" (pooled variance,
/// df = n1 + n2 - 2) and "Equal variances not assumed" (Welch, Satterthwaite df). Difference = mean1 - mean2.
/// </summary>
public sealed record TTestResult(double MeanDifference, double PooledT, double PooledDf, double PooledP, double WelchT, double WelchDf, double WelchP);

public static class StudentTTest
{
    public static TTestResult Independent(IReadOnlyCollection<double> group1, IReadOnlyCollection<double> group2)
    {
        var a = Descriptive.MeanSd(group1);
        var b = Descriptive.MeanSd(group2);
        return FromSummary(a, b);
    }

    /// <summary>From published summaries (mean, SD, n), e.g. to re-check a paper's table.</summary>
    public static TTestResult FromSummary(MeanSd a, MeanSd b)
    {
        if (a.N < 2 || b.N < 2)
        {
            throw new ArgumentException("a t test needs at least 2 values per group");
        }
        var difference = a.Mean - b.Mean;
        var df = a.N + b.N - 2.0;
        var pooledVariance = ((a.N - 1) * a.StandardDeviation * a.StandardDeviation + (b.N - 1) * b.StandardDeviation * b.StandardDeviation) / df;
        var pooledT = difference / Math.Sqrt(pooledVariance * (1.0 / a.N + 1.0 / b.N));
        var va = a.StandardDeviation * a.StandardDeviation / a.N;
        var vb = b.StandardDeviation * b.StandardDeviation / b.N;
        var welchT = difference / Math.Sqrt(va + vb);
        var welchDf = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        return new TTestResult(difference, pooledT, df, Distributions.StudentTTwoSided(pooledT, df), welchT, welchDf, Distributions.StudentTTwoSided(welchT, welchDf));
    }
}
