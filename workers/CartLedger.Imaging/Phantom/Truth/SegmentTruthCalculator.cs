using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Segments;

namespace CartLedger.Imaging.Phantom.Truth;

/// <summary>
/// Measures per-segment truth on the realised heart: transmurality along radial chords, time to peak of the segmental
/// strain curve at 1 ms resolution, volumes over the cycle, scar burden, and the true targets.
/// </summary>
public static class SegmentTruthCalculator
{
    private const int ChordsPerSide = 8;
    private const int DepthSamples = 50;

    public const string TargetRule = "SCIENCE.md 6: exclude transmurality > 0 %, septal halves and the apical cap; rank by time to peak strain, latest first (ties: lower segment number); primary = first, targets = first three";

    public static IReadOnlyList<SegmentTruth> Segments(HeartModel heart)
    {
        var contraction = heart.Contraction;
        var times = Enumerable.Range(0, (int)Math.Floor(contraction.RrMs)).Select(t => (double)t).ToArray();
        var means = times.Select(contraction.MeanActive).ToArray();
        var result = new List<SegmentTruth>();
        for (var segment = 1; segment <= 36; segment++)
        {
            var (s0, s1, theta0) = SegmentLabels.Bounds36(segment);
            var nodes = new List<(double S, double Theta)>();
            for (var a = 0; a < ChordsPerSide; a++)
            {
                for (var b = 0; b < ChordsPerSide; b++)
                {
                    nodes.Add((s0 + (s1 - s0) * (a + 0.5) / ChordsPerSide, theta0 + 30.0 * (b + 0.5) / ChordsPerSide));
                }
            }
            double transmural = 0, touched = 0, delay = 0;
            foreach (var (s, theta) in nodes)
            {
                var fraction = ChordScarFraction(heart, s, theta);
                transmural += fraction;
                touched += fraction > 0 ? 1 : 0;
                delay += contraction.DelayMs[s, theta];
            }
            var best = 0;
            var bestStrain = double.PositiveInfinity;
            for (var i = 0; i < times.Length; i++)
            {
                double strain = 0;
                foreach (var (s, theta) in nodes)
                {
                    strain += contraction.Strain(s, theta, times[i], means[i]);
                }
                strain /= nodes.Count;
                if (strain < bestStrain)
                {
                    bestStrain = strain;
                    best = i;
                }
            }
            result.Add(new SegmentTruth(segment, SegmentLabels.Name36(segment), SegmentLabels.Segment36To18(segment), SegmentLabels.IsSeptal36(segment),
                100 * transmural / nodes.Count, 100 * touched / nodes.Count, delay / nodes.Count, times[best], 100 * bestStrain));
        }
        return result;
    }

    /// <summary>Fraction of the radial chord at (s, theta) whose scar density is at least 0.5.</summary>
    public static double ChordScarFraction(HeartModel heart, double s, double thetaDeg)
    {
        if (heart.Scar.IsEmpty)
        {
            return 0;
        }
        var wall = heart.Lv.WallAt(Math.Clamp(s, 0, 1), thetaDeg);
        var scar = 0;
        for (var d = 0; d < DepthSamples; d++)
        {
            if (heart.Scar.Density(s, thetaDeg, (d + 0.5) / DepthSamples, wall) >= 0.5)
            {
                scar++;
            }
        }
        return scar / (double)DepthSamples;
    }

    /// <summary>Scar volume / myocardial volume of the LV wall (levels 0-1), percent; chords weighted by ring radius and wall thickness.</summary>
    public static double ScarBurdenPercent(HeartModel heart)
    {
        double scar = 0, total = 0;
        for (var s = 0.005; s < 1; s += 0.01)
        {
            var z = heart.Lv.HeightAt(s);
            for (var theta = 1.0; theta < 360; theta += 2)
            {
                var weight = (heart.Lv.EndoRadius(z, theta) + heart.Lv.WallAt(s, theta) / 2) * heart.Lv.WallAt(s, theta);
                total += weight;
                scar += weight * ChordScarFraction(heart, s, theta);
            }
        }
        return 100 * scar / total;
    }

    public static TargetTruth Targets(IReadOnlyList<SegmentTruth> segments)
    {
        var ranked = segments.Where(s => !s.IsSeptal && s.TransmuralityPercent <= 0)
            .OrderByDescending(s => s.TimeToPeakStrainMs).ThenBy(s => s.Segment36).Select(s => s.Segment36).ToList();
        if (ranked.Count == 0)
        {
            return new TargetTruth(TargetRule, 0, []);
        }
        return new TargetTruth(TargetRule, ranked[0], ranked.Take(3).ToList());
    }

    /// <summary>LV cavity volume over the cycle (ml), integrating the deformed endocardium ring by ring.</summary>
    public static double CavityVolumeMl(HeartModel heart, CardiacPhase phase)
    {
        var lv = heart.Lv;
        double volume = 0;
        const double Ds = 0.005;
        for (var s = Ds / 2; s < 1; s += Ds)
        {
            var z = lv.HeightAt(s);
            double area = 0;
            for (var theta = 1.0; theta < 360; theta += 2)
            {
                var r = lv.EndoRadius(z, theta) * (1 + phase.Strain[s, theta]);
                area += 0.5 * r * r * (2 * Math.PI / 180);
            }
            volume += area * Ds * lv.CavityLengthMm * (1 + phase.LongitudinalStrain);
        }
        return volume / 1000;
    }
}
