namespace CartLedger.Domain.Statistics;

/// <summary>The distribution functions the tests need, built on <see cref="SpecialFunctions"/>.</summary>
public static class Distributions
{
    /// <summary>Standard normal CDF Phi(z).</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>Upper tail 1 - Phi(z), accurate far out.</summary>
    public static double NormalUpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// Standard normal quantile: Acklam's rational approximation (relative error 1.2e-9) refined by one Halley
    /// step on <see cref="NormalCdf"/>, which brings it to double precision.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a normal quantile needs 0 < p < 1");
        }
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        double x;
        if (p < low || p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p < low ? p : 1 - p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            x = p < low ? x : -x;
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        // Phi(x) - p, written through the upper tail above the median so that p near 1 keeps its digits.
        var e = p < 0.5 ? NormalCdf(x) - p : (1 - p) - NormalUpperTail(x);
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /// <summary>Two-sided p of Student's t: P(|T| &gt;= |t|) with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTTwoSided(double t, double df) => SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));

    /// <summary>Student's t CDF.</summary>
    public static double StudentTCdf(double t, double df)
    {
        var tail = 0.5 * StudentTTwoSided(t, df);
        return t < 0 ? tail : 1 - tail;
    }

    /// <summary>Upper tail of chi-square: P(X &gt;= x).</summary>
    public static double ChiSquareUpperTail(double x, double df) => x <= 0 ? 1 : SpecialFunctions.GammaQ(df / 2, x / 2);

    /// <summary>Upper tail of F(df1, df2): P(X &gt;= f).</summary>
    public static double FUpperTail(double f, double df1, double df2) =>
        f <= 0 ? 1 : SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));

    /// <summary>The F(df1, df2) quantile: the f with P(X &lt;= f) = p, by bisection on the CDF (monotone, to 1e-13 relative).</summary>
    public static double FQuantile(double p, double df1, double df2)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "an F quantile needs 0 < p < 1");
        }
        double lo = 0, hi = 1;
        while (1 - FUpperTail(hi, df1, df2) < p)
        {
            hi *= 2;
        }
        for (var i = 0; i < 200 && hi - lo > 1e-13 * hi; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (1 - FUpperTail(mid, df1, df2) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
