namespace CartLedger.Registration.Benchmark;

/// <summary>Summary of a set of target registration errors (mm), as seed 3's Table 1 reports them, plus the success rate.</summary>
public sealed record ErrorStatistics(int Count, double MeanMm, double SdMm, double MedianMm, double P90Mm, double MaxMm, double SuccessRate)
{
    /// <summary>A registration succeeds when its TRE is below this (the brief's criterion).</summary>
    public const double SuccessThresholdMm = 5;

    public static ErrorStatistics Of(IReadOnlyCollection<double> errorsMm)
    {
        ArgumentNullException.ThrowIfNull(errorsMm);
        if (errorsMm.Count == 0)
        {
            return new ErrorStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = errorsMm.Order().ToArray();
        var mean = sorted.Average();
        var sd = sorted.Length > 1 ? Math.Sqrt(sorted.Sum(e => (e - mean) * (e - mean)) / (sorted.Length - 1)) : 0;
        return new ErrorStatistics(sorted.Length, mean, sd, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1],
            sorted.Count(e => e < SuccessThresholdMm) / (double)sorted.Length);
    }

    /// <summary>Linear interpolation between order statistics (the "R-7" definition).</summary>
    public static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
