using CartLedger.Domain.Statistics;

namespace CartLedger.Domain.Tests.Statistics;

public class DescriptiveTests
{
    [Fact]
    public void Mean_and_SD_use_the_n_minus_1_denominator()
    {
        var result = Descriptive.MeanSd([.. Enumerable.Range(1, 10).Select(i => (double)i)]);
        Assert.Equal(5.5, result.Mean, 12);
        Assert.Equal(Math.Sqrt(55.0 / 6), result.StandardDeviation, 12);
    }

    [Fact]
    public void Large_offsets_do_not_cost_digits()
    {
        var result = Descriptive.MeanSd([1e9 + 1, 1e9 + 2, 1e9 + 3]);
        Assert.Equal(1.0, result.StandardDeviation, 9);
    }

    [Theory]
    [InlineData(10, 2.75, 5.5, 8.25)] // SPSS EXAMINE weighted average of 1..10
    [InlineData(6, 1.75, 3.5, 5.25)]
    [InlineData(7, 2, 4, 6)]
    [InlineData(2, 1, 1.5, 2)]       // positions beyond the data clamp to the extremes
    public void Percentiles_follow_SPSS_HAVERAGE(int n, double q1, double median, double q3)
    {
        var result = Descriptive.MedianIqr([.. Enumerable.Range(1, n).Select(i => (double)i).Reverse()]);
        Assert.Equal((q1, median, q3), (result.Q1, result.Median, result.Q3));
    }

    [Fact]
    public void Too_few_or_non_finite_values_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Descriptive.MeanSd([1.0]));
        Assert.Throws<ArgumentException>(() => Descriptive.MedianIqr([1.0, double.NaN]));
    }
}
