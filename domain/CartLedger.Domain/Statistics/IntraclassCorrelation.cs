namespace CartLedger.Domain.Statistics;

/// <summary>The ICC model, named as SPSS RELIABILITY /ICC=MODEL(...) TYPE(...) and McGraw and Wong (1996) name it.</summary>
public enum IccModel
{
    /// <summary>SPSS "One-Way Random" (Shrout-Fleiss ICC(1)): raters differ per subject.</summary>
    OneWayRandom,

    /// <summary>SPSS "Two-Way Random/Mixed, Consistency" = McGraw-Wong ICC(C,1) = Shrout-Fleiss ICC(3,1).</summary>
    TwoWayConsistency,

    /// <summary>SPSS "Two-Way Random/Mixed, Absolute Agreement" = McGraw-Wong ICC(A,1) = Shrout-Fleiss ICC(2,1).</summary>
    TwoWayAbsoluteAgreement,
}

/// <summary>One ICC row of SPSS's table: estimate, 95 % CI, "F Test with True Value 0" (F, df1, df2, p).</summary>
public sealed record IccEstimate(double Value, double Lower, double Upper, double F, double Df1, double Df2, double P);

/// <summary>Single- and average-measures ICC of one model.</summary>
public sealed record IccResult(IccModel Model, IccEstimate Single, IccEstimate Average);

/// <summary>
/// Intraclass correlation from an n-subjects x k-raters table, with McGraw and Wong's (1996) confidence intervals
/// (as SPSS computes them; absolute agreement with Satterthwaite degrees of freedom; average-measure bounds by
/// Spearman-Brown from the single-measure bounds). In two-way models SPSS's "random" and "mixed" give the same numbers.
/// </summary>
public static class IntraclassCorrelation
{
    public static IccResult Compute(double[,] ratings, IccModel model, double confidence = 0.95)
    {
        int n = ratings.GetLength(0), k = ratings.GetLength(1);
        if (n < 2 || k < 2)
        {
            throw new ArgumentException("an ICC needs at least 2 subjects and 2 raters", nameof(ratings));
        }
        var grand = 0.0;
        var rowMeans = new double[n];
        var colMeans = new double[k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var v = double.IsFinite(ratings[i, j]) ? ratings[i, j] : throw new ArgumentException($"rating ({i + 1}, {j + 1}) is not a number", nameof(ratings));
                rowMeans[i] += v / k;
                colMeans[j] += v / n;
                grand += v / (n * k);
            }
        }
        double ssTotal = 0, ssRows = 0, ssCols = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                ssTotal += Math.Pow(ratings[i, j] - grand, 2);
            }
            ssRows += k * Math.Pow(rowMeans[i] - grand, 2);
        }
        for (var j = 0; j < k; j++)
        {
            ssCols += n * Math.Pow(colMeans[j] - grand, 2);
        }
        var msr = ssRows / (n - 1);
        var msc = ssCols / (k - 1);
        var mse = (ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
        var msw = (ssTotal - ssRows) / (n * (k - 1));
        var alpha = 1 - confidence;
        if (msr <= 0)
        {
            throw new ArgumentException("the subjects do not differ at all: the ICC is undefined", nameof(ratings));
        }
        var error = model == IccModel.OneWayRandom ? msw : mse;
        if (error <= 1e-15 * msr)
        {
            // No disagreement at all: F is infinite, the ICC and both bounds are 1.
            var perfect = new IccEstimate(1, 1, 1, double.PositiveInfinity, n - 1, model == IccModel.OneWayRandom ? n * (k - 1.0) : (n - 1) * (k - 1.0), 0);
            return new IccResult(model, perfect, perfect);
        }
        return model switch
        {
            IccModel.OneWayRandom => Ratio(model, msr, msw, n - 1, n * (k - 1.0), k, alpha),
            IccModel.TwoWayConsistency => Ratio(model, msr, mse, n - 1, (n - 1) * (k - 1.0), k, alpha),
            _ => Absolute(msr, msc, mse, n, k, alpha),
        };
    }

    /// <summary>One-way and consistency: ICC = (MSR - M) / (MSR + (k - 1) M) with F = MSR / M.</summary>
    private static IccResult Ratio(IccModel model, double msr, double m, double df1, double df2, int k, double alpha)
    {
        var f = msr / m;
        var p = Distributions.FUpperTail(f, df1, df2);
        var fl = f / Distributions.FQuantile(1 - alpha / 2, df1, df2);
        var fu = f * Distributions.FQuantile(1 - alpha / 2, df2, df1);
        var single = new IccEstimate((msr - m) / (msr + (k - 1) * m), (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1), f, df1, df2, p);
        var average = new IccEstimate((msr - m) / msr, 1 - 1 / fl, 1 - 1 / fu, f, df1, df2, p);
        return new IccResult(model, single, average);
    }

    private static IccResult Absolute(double msr, double msc, double mse, int n, int k, double alpha)
    {
        var rho = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
        var a = k * rho / (n * (1 - rho));
        var b = 1 + k * rho * (n - 1) / (n * (1 - rho));
        var v = Math.Pow(a * msc + b * mse, 2) / (Math.Pow(a * msc, 2) / (k - 1) + Math.Pow(b * mse, 2) / ((n - 1) * (k - 1)));
        var fStar = Distributions.FQuantile(1 - alpha / 2, n - 1, v);
        var fStarStar = Distributions.FQuantile(1 - alpha / 2, v, n - 1);
        var lower = n * (msr - fStar * mse) / (fStar * (k * msc + (k * n - k - n) * mse) + n * msr);
        var upper = n * (fStarStar * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fStarStar * msr);
        var f = msr / mse;
        double df1 = n - 1, df2 = (n - 1) * (k - 1);
        var p = Distributions.FUpperTail(f, df1, df2);
        var single = new IccEstimate(rho, lower, upper, f, df1, df2, p);
        static double SpearmanBrown(double r, int k) => k * r / (1 + (k - 1) * r);
        var average = new IccEstimate((msr - mse) / (msr + (msc - mse) / n), SpearmanBrown(lower, k), SpearmanBrown(upper, k), f, df1, df2, p);
        return new IccResult(IccModel.TwoWayAbsoluteAgreement, single, average);
    }
}
