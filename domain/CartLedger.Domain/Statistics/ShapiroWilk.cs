namespace CartLedger.Domain.Statistics;

/// <summary>Shapiro-Wilk W and its p-value.</summary>
public sealed record ShapiroWilkResult(int N, double W, double P);

/// <summary>
/// Shapiro-Wilk normality test by Royston's algorithm AS R94 (Applied Statistics 44, 1995), as SPSS EXAMINE
/// ("Tests of Normality", Shapiro-Wilk column) and R's shapiro.test compute it: 3 &lt;= n &lt;= 5000, no censoring.
/// Coefficients from normal scores m_i = Phi^-1((i - 3/8) / (n + 1/4)) with Royston's polynomial corrections for the
/// two extreme ones; p from Royston's normalising transformations (n = 3 exact; 4-11 and 12+ approximations).
/// </summary>
public static class ShapiroWilk
{
    private static readonly double[] C1 = [0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
    private static readonly double[] C2 = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
    private static readonly double[] C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
    private static readonly double[] C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
    private static readonly double[] C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
    private static readonly double[] C6 = [-0.4803, -0.082676, 0.0030302];
    private static readonly double[] G = [-2.273, 0.459];

    public static ShapiroWilkResult Test(IReadOnlyCollection<double> values)
    {
        Descriptive.Require(values, 3, "Shapiro-Wilk");
        var x = values.Order().ToArray();
        var n = x.Length;
        if (n > 5000)
        {
            throw new ArgumentException($"Shapiro-Wilk (AS R94) is defined for 3 to 5000 values, got {n}", nameof(values));
        }
        var range = x[^1] - x[0];
        if (range < 1e-19)
        {
            throw new ArgumentException("Shapiro-Wilk: all values are equal (zero range)", nameof(values));
        }
        var a = Coefficients(n);
        // W as the squared correlation of the data with the antisymmetric coefficient vector (AS R94's formulation).
        var coefficient = new double[n];
        for (var i = 0; i < n / 2; i++)
        {
            coefficient[i] = -a[i];
            coefficient[n - 1 - i] = a[i];
        }
        var meanC = coefficient.Average();
        var meanX = x.Average(v => v / range);
        double ssa = 0, ssx = 0, sax = 0;
        for (var i = 0; i < n; i++)
        {
            var da = coefficient[i] - meanC;
            var dx = x[i] / range - meanX;
            ssa += da * da;
            ssx += dx * dx;
            sax += da * dx;
        }
        var root = Math.Sqrt(ssa * ssx);
        var w1 = (root - sax) * (root + sax) / (ssa * ssx); // 1 - W without cancellation
        var w = 1 - w1;
        return new ShapiroWilkResult(n, w, PValue(n, w, w1));
    }

    /// <summary>The first n/2 coefficients a_1..a_{n/2} (positive; the vector is antisymmetric).</summary>
    private static double[] Coefficients(int n)
    {
        var half = n / 2;
        var a = new double[half];
        if (n == 3)
        {
            a[0] = Math.Sqrt(0.5);
            return a;
        }
        var m = new double[half];
        var summ2 = 0.0;
        for (var i = 0; i < half; i++)
        {
            m[i] = Distributions.NormalQuantile((i + 1 - 0.375) / (n + 0.25));
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        var ssumm2 = Math.Sqrt(summ2);
        var rsn = 1 / Math.Sqrt(n);
        var a1 = Poly(C1, rsn) - m[0] / ssumm2;
        int first;
        double fac;
        if (n > 5)
        {
            first = 2;
            var a2 = -m[1] / ssumm2 + Poly(C2, rsn);
            fac = Math.Sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            a[1] = a2;
        }
        else
        {
            first = 1;
            fac = Math.Sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
        }
        a[0] = a1;
        for (var i = first; i < half; i++)
        {
            a[i] = -m[i] / fac;
        }
        return a;
    }

    private static double PValue(int n, double w, double w1)
    {
        if (n == 3)
        {
            const double sixOverPi = 1.90985931710274;
            const double piOverThree = 1.04719755119660;
            return Math.Max(0, sixOverPi * (Math.Asin(Math.Sqrt(w)) - piOverThree));
        }
        var y = Math.Log(w1);
        double mean, sd;
        if (n <= 11)
        {
            var gamma = Poly(G, n);
            if (y >= gamma)
            {
                return 1e-99; // AS R94: W this small is beyond the approximation's range; p is effectively 0
            }
            y = -Math.Log(gamma - y);
            mean = Poly(C3, n);
            sd = Math.Exp(Poly(C4, n));
        }
        else
        {
            var lnN = Math.Log(n);
            mean = Poly(C5, lnN);
            sd = Math.Exp(Poly(C6, lnN));
        }
        return Distributions.NormalUpperTail((y - mean) / sd);
    }

    /// <summary>c[0] + c[1] x + c[2] x^2 + ... (AS R94's poly).</summary>
    private static double Poly(double[] c, double x)
    {
        var result = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            result = result * x + c[i];
        }
        return result;
    }
}
