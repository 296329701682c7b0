using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Segments;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// Mechanical activation from the cine (SCIENCE.md 4): track the endocardium of every full slice, measure each
/// stretch of wall, pool the stretches of a 36-segment (lengths summed, so a segment's strain is that of its
/// whole arc), and time the peaks. Slices are tracked in parallel, each into its own slot, then pooled in
/// base-to-apex order: the result does not depend on thread timing.
/// </summary>
public static class ActivationAnalysis
{
    public static ActivationResult Run(IReadOnlyList<CineSlice> baseToApex, CineSegmentation segmentation, TrackingParameters p)
    {
        var map = new SegmentMap(segmentation);
        var full = segmentation.FullSlices.ToList();
        var arcsPerSlice = new IReadOnlyList<ArcStrain>[full.Count];
        Parallel.For(0, full.Count, i =>
        {
            var slice = full[i];
            var tracked = ContourTracker.Track(baseToApex[slice.Index], slice.Phases, segmentation.EndDiastolePhase, p);
            arcsPerSlice[i] = ArcStrains.Of(tracked, slice.Phases, segmentation.EndDiastolePhase);
        });
        var pooled = new PerSegment<ArcStrain>();
        for (var i = 0; i < full.Count; i++)
        {
            foreach (var arc in arcsPerSlice[i])
            {
                if (map.Locate(full[i], arc.EdMidAngleRad) is { } location)
                {
                    pooled.Add(location.Segment36, arc);
                }
            }
        }
        var (times, rr) = TimeAxis(baseToApex);
        var (values, filled) = pooled.Completed();
        var ed = segmentation.EndDiastolePhase;
        var curves = Enumerable.Range(0, 37).Select(n => n == 0 || values[n].Count == 0 ? null : Circumferential(values[n], ed, times.Count)).ToArray();
        var segments = Enumerable.Range(1, 36)
            .Select(n => Measure(SegmentId.Of36(n), values[n], Pooled(n, curves, p.NeighbourWeight), ed, times, rr, p, filled.Contains(n)))
            .ToList();
        return new ActivationResult(times, rr, ActivationMap.Regularise(segments, p.MapNeighbourWeight));
    }

    private static double[] Circumferential(IReadOnlyList<ArcStrain> arcs, int ed, int phases)
    {
        var lengthEd = arcs.Sum(a => a.EndocardialLengthMm[ed]);
        return [.. Enumerable.Range(0, phases).Select(t => 100 * (arcs.Sum(a => a.EndocardialLengthMm[t]) / lengthEd - 1))];
    }

    /// <summary>A segment's circumferential strain curve averaged with its circumferential neighbours at the same level (weight each).</summary>
    private static double[]? Pooled(int n, double[]?[] curves, double weight)
    {
        if (curves[n] is not { } own || weight <= 0)
        {
            return curves[n];
        }
        var model = SegmentModels.ThirtySix;
        var level = model[n].Level;
        var sum = (double[])own.Clone();
        double total = 1;
        for (var m = 1; m <= 36; m++)
        {
            if (m != n && curves[m] is { } other && model[m].Level == level && model.GraphDistance(SegmentId.Of36(n), SegmentId.Of36(m)) == 1)
            {
                for (var t = 0; t < sum.Length; t++)
                {
                    sum[t] += weight * other[t];
                }
                total += weight;
            }
        }
        return [.. sum.Select(v => v / total)];
    }

    private static SegmentStrain Measure(SegmentId id, IReadOnlyList<ArcStrain> arcs, double[]? timingCurve, int ed, IReadOnlyList<double> times, double rr, TrackingParameters p, bool borrowed)
    {
        var phases = times.Count;
        if (arcs.Count == 0)
        {
            return new SegmentStrain(id, new double[phases], new double[phases], null, null, 0, null, 0, borrowed);
        }
        var circumferential = new double[phases];
        var radial = new double[phases];
        var lengthEd = arcs.Sum(a => a.EndocardialLengthMm[ed]);
        var thicknessEd = arcs.Sum(a => a.WallThicknessMm[ed]);
        for (var t = 0; t < phases; t++)
        {
            circumferential[t] = 100 * (arcs.Sum(a => a.EndocardialLengthMm[t]) / lengthEd - 1);
            radial[t] = 100 * (arcs.Sum(a => a.WallThicknessMm[t]) / Math.Max(thicknessEd, 1e-9) - 1);
        }
        var windowEnd = times[ed] + p.PeakWindowFractionOfRr * rr;
        var negatedRadial = radial.Select(v => -v).ToArray();
        var own = PeakMs(timingCurve ?? circumferential, times, rr, windowEnd, p.TimeToPeakHarmonics);
        return new SegmentStrain(
            id,
            circumferential,
            radial,
            own,
            own,
            circumferential.Min(),
            PeakMs(negatedRadial, times, rr, windowEnd, p.TimeToPeakHarmonics),
            radial.Max(),
            borrowed);
    }

    private static double? PeakMs(IReadOnlyList<double> curve, IReadOnlyList<double> times, double rr, double windowEnd, int harmonics) =>
        harmonics > 0
            ? TimeToPeak.SmoothMinimumMs(curve, times, rr, windowEnd, harmonics)
            : TimeToPeak.MinimumIndex(curve, times, windowEnd) is { } index ? TimeToPeak.TimeAt(index, times) : null;

    /// <summary>Mean trigger time of each phase over the slices (ms after the R wave), and the R-R interval estimated from them.</summary>
    internal static (IReadOnlyList<double> TimesMs, double RrMs) TimeAxis(IReadOnlyList<CineSlice> slices)
    {
        var phases = slices[0].PhaseCount;
        var times = new double[phases];
        for (var t = 0; t < phases; t++)
        {
            times[t] = slices.Average(s => s.TriggerTimesMs[t]);
        }
        var interval = phases > 1 ? (times[^1] - times[0]) / (phases - 1) : 0;
        return (times, times[^1] + interval);
    }
}
