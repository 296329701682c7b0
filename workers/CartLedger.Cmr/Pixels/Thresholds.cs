namespace CartLedger.Cmr.Pixels;

/// <summary>Intensity statistics used to separate tissue classes: Otsu's threshold and order statistics.</summary>
public static class Thresholds
{
    /// <summary>
    /// Otsu's threshold (the value maximising between-class variance) over <paramref name="values"/>,
    /// on a 256-bin histogram spanning their range. Returns the upper edge of the best lower bin.
    /// </summary>
    public static double Otsu(IReadOnlyList<float> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("Otsu's threshold needs at least one value.", nameof(values));
        }
        double min = double.MaxValue, max = double.MinValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (max - min < 1e-12)
        {
            return max;
        }
        const int bins = 256;
        var histogram = new double[bins];
        var scale = (bins - 1) / (max - min);
        foreach (var v in values)
        {
            histogram[(int)((v - min) * scale)]++;
        }
        double total = values.Count, sumAll = 0;
        for (var i = 0; i < bins; i++)
        {
            sumAll += i * histogram[i];
        }
        double weightLow = 0, sumLow = 0, best = -1;
        var bestBin = 0;
        for (var i = 0; i < bins - 1; i++)
        {
            weightLow += histogram[i];
            sumLow += i * histogram[i];
            var weightHigh = total - weightLow;
            if (weightLow == 0 || weightHigh == 0)
            {
                continue;
            }
            var meanLow = sumLow / weightLow;
            var meanHigh = (sumAll - sumLow) / weightHigh;
            var between = weightLow * weightHigh * (meanLow - meanHigh) * (meanLow - meanHigh);
            if (between > best)
            {
                best = between;
                bestBin = i;
            }
        }
        return min + (bestBin + 1) / scale;
    }

    /// <summary>The p-th percentile (0-100) by linear interpolation between order statistics.</summary>
    public static double Percentile(IReadOnlyList<float> values, double percent)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = Math.Clamp(percent, 0, 100) / 100.0 * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    public static double Median(IReadOnlyList<float> values) => Percentile(values, 50);
}
