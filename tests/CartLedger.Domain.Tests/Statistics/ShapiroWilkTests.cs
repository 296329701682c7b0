using CartLedger.Domain.Statistics;

namespace CartLedger.Domain.Tests.Statistics;

/// <summary>
/// Shapiro-Wilk against published values: Shapiro and Wilk's (1965) weights of 11 men, W = 0.7888, p = 0.0067 (the
/// worked example R's and SciPy's AS R94 reproduce), and SciPy 1.10's swilk (single-precision Fortran, so compared
/// to 1e-5) on small samples that take each branch of the p-value (n = 3, 4-11, 12+).
/// </summary>
public class ShapiroWilkTests
{
    private const double ReferenceTolerance = 2e-5;

    [Theory]
    [InlineData(new double[] { 148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236 }, 0.7888147830963135, 0.006703833118081093)]
    [InlineData(new double[] { 1, 2, 4 }, 0.9642857313156128, 0.6368856430053711)]
    [InlineData(new double[] { 3.1, 2.2, 5.9, 4.0, 4.1 }, 0.9631323218345642, 0.8296093940734863)]
    [InlineData(new double[] { 3.1, 2.2, 5.9, 4.0, 4.1, 7.5 }, 0.9488667845726013, 0.7310957908630371)]
    [InlineData(new double[] { 2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.1, 3.9, 2.2, 3.0, 4.8, 3.6, 2.9, 3.1, 4.0, 3.7, 2.5, 3.2, 4.6 }, 0.9827254414558411, 0.9642505049705505)]
    public void W_and_p_match_the_published_and_reference_values(double[] values, double w, double p)
    {
        var result = ShapiroWilk.Test(values);
        Assert.Equal(w, result.W, ReferenceTolerance);
        Assert.Equal(p, result.P, ReferenceTolerance);
    }

    [Fact]
    public void W_is_invariant_to_shift_scale_and_order()
    {
        double[] values = [148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236];
        var reference = ShapiroWilk.Test(values);
        var moved = ShapiroWilk.Test([.. values.Select(v => 1000 - 0.01 * v)]);
        // Reversing the order takes another rounding path: equal to 1e-10, far below any reported digit.
        Assert.Equal(reference.W, moved.W, 1e-10);
        Assert.Equal(reference.P, moved.P, 1e-10);
    }

    [Fact]
    public void Normal_scores_look_normal_and_a_skewed_sample_does_not()
    {
        var normal = ShapiroWilk.Test([.. Enumerable.Range(1, 40).Select(i => Distributions.NormalQuantile((i - 0.5) / 40))]);
        Assert.True(normal.W > 0.99 && normal.P > 0.9, $"W {normal.W}, p {normal.P}");
        var skewed = ShapiroWilk.Test([.. Enumerable.Range(1, 40).Select(i => Math.Exp(i / 5.0))]);
        Assert.True(skewed.P < 0.001, $"p {skewed.P}");
    }

    [Fact]
    public void Fewer_than_three_or_identical_values_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ShapiroWilk.Test([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => ShapiroWilk.Test([5.0, 5.0, 5.0, 5.0]));
    }
}
