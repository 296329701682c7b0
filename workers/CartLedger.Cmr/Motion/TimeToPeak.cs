namespace CartLedger.Cmr.Motion;

/// <summary>
/// The time of a curve's extremum within a window, refined between frames by a parabola through the extreme
/// sample and its neighbours (cmr-notes 3.6), and converted to ms on the acquisition's time axis.
/// </summary>
public static class TimeToPeak
{
    /// <summary>Index (fractional) of the minimum of <paramref name="curve"/> among samples whose time is within the window.</summary>
    public static double? MinimumIndex(IReadOnlyList<double> curve, IReadOnlyList<double> timesMs, double windowEndMs)
    {
        var best = -1;
        for (var i = 0; i < curve.Count; i++)
        {
            if (timesMs[i] <= windowEndMs && double.IsFinite(curve[i]) && (best < 0 || curve[i] < curve[best]))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            return null;
        }
        if (best == 0 || best == curve.Count - 1)
        {
            return best;
        }
        var (left, centre, right) = (curve[best - 1], curve[best], curve[best + 1]);
        var denominator = left - 2 * centre + right;
        return denominator <= 1e-12 ? best : best + Math.Clamp(0.5 * (left - right) / denominator, -0.5, 0.5);
    }

    /// <summary>
    /// Time (ms) of the minimum of the curve's periodic least-squares fit by a constant and the first
    /// <paramref name="harmonics"/> Fourier harmonics over the R-R interval (the cine covers one cycle), searched
    /// every millisecond up to <paramref name="windowEndMs"/>. The fit smooths frame-to-frame tracking noise that
    /// moves the argmax of a flat-topped strain curve by whole frames; null without finite samples.
    /// </summary>
    public static double? SmoothMinimumMs(IReadOnlyList<double> curve, IReadOnlyList<double> timesMs, double rrMs, double windowEndMs, int harmonics)
    {
        var samples = Enumerable.Range(0, curve.Count).Where(i => double.IsFinite(curve[i])).ToList();
        var terms = 1 + 2 * harmonics;
        if (samples.Count < terms || rrMs <= 0)
        {
            return MinimumIndex(curve, timesMs, windowEndMs) is { } index ? TimeAt(index, timesMs) : null;
        }
        var normal = new double[terms, terms];
        var rhs = new double[terms];
        var basis = new double[terms];
        foreach (var i in samples)
        {
            Basis(timesMs[i], rrMs, harmonics, basis);
            for (var a = 0; a < terms; a++)
            {
                rhs[a] += basis[a] * curve[i];
                for (var b = 0; b < terms; b++)
                {
                    normal[a, b] += basis[a] * basis[b];
                }
            }
        }
        var coefficients = Solve(normal, rhs);
        if (coefficients is null)
        {
            return MinimumIndex(curve, timesMs, windowEndMs) is { } index ? TimeAt(index, timesMs) : null;
        }
        var bestMs = double.NaN;
        var bestValue = double.PositiveInfinity;
        for (var t = Math.Ceiling(timesMs[0]); t <= windowEndMs; t += 1)
        {
            Basis(t, rrMs, harmonics, basis);
            double value = 0;
            for (var a = 0; a < terms; a++)
            {
                value += coefficients[a] * basis[a];
            }
            if (value < bestValue)
            {
                bestValue = value;
                bestMs = t;
            }
        }
        return double.IsFinite(bestMs) ? bestMs : null;
    }

    private static void Basis(double timeMs, double rrMs, int harmonics, double[] basis)
    {
        basis[0] = 1;
        for (var k = 1; k <= harmonics; k++)
        {
            var phase = 2 * Math.PI * k * timeMs / rrMs;
            basis[2 * k - 1] = Math.Cos(phase);
            basis[2 * k] = Math.Sin(phase);
        }
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                return null;
            }
            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var f = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= f * m[col, k];
                }
                x[row] -= f * x[col];
            }
        }
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = x[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }
            x[row] = sum / m[row, row];
        }
        return x;
    }

    /// <summary>The time (ms) at a fractional sample index, linear between the two neighbouring samples.</summary>
    public static double TimeAt(double index, IReadOnlyList<double> timesMs)
    {
        var i0 = Math.Clamp((int)Math.Floor(index), 0, timesMs.Count - 1);
        var i1 = Math.Min(i0 + 1, timesMs.Count - 1);
        return timesMs[i0] + (timesMs[i1] - timesMs[i0]) * (index - i0);
    }
}
