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

    /// <summary>The time (ms) at a fractional sample index, linear between the two neighbouring samples.</summary>
    public static double TimeAt(double index, IReadOnlyList<double> timesMs)
    {
        var i0 = Math.Clamp((int)Math.Floor(index), 0, timesMs.Count - 1);
        var i1 = Math.Min(i0 + 1, timesMs.Count - 1);
        return timesMs[i0] + (timesMs[i1] - timesMs[i0]) * (index - i0);
    }
}
