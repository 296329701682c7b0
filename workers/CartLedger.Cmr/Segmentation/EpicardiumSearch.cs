using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// The epicardium outside a known endocardium, searched as a wall thickness per ray (dynamic programming over
/// thickness, so the smoothness prior acts on thickness, which varies slowly round the LV, not on radius).
/// Cost: any intensity step marks the border (the epicardium meets bright fat and RV blood, or dark lung);
/// every millimetre of blood-bright signal inside the candidate wall is charged, so the wall never swallows
/// the RV cavity across the septum, and so is every millimetre darker than half-way from the ray's myocardium
/// to the slice's darkest signal (lung), so the wall never crosses a band of partial-volume lung to reach the
/// black lung's stronger edge beyond it (experts draw the epicardium at the first fall from wall to lung; the
/// charge is off where nothing in view is clearly darker than the wall); and where no edge stands out (against lung or liver of similar signal)
/// the slice's typical thickness, measured on the rays with clear edges, holds the contour.
/// </summary>
public static class EpicardiumSearch
{
    private const double BloodInsideWallCostPerMm = 0.5;
    private const double DarkInsideWallCostPerMm = 0.5;
    private const double ClearEdge = 0.5;
    private const double DarkFraction = 0.5;
    private const double FloorPercentile = 2;
    private const double MinDarkSeparation = 0.25;

    public static double[] Find(PolarImage polar, IReadOnlyList<double> endoMm, IntensityModel intensities, IReadOnlyList<double>? guideMm, double guideWeight, SegmentationParameters p)
    {
        var k = polar.AngleCount;
        var step = p.RadialStepMm;
        var thicknessCount = (int)Math.Round((p.MaxWallMm - p.MinWallMm) / step) + 1;
        var halfWidth = Math.Max(1, (int)Math.Round(1.0 / step));
        var drop = polar.OutwardDrop(halfWidth);
        var scale = EndocardiumSearch.EdgeScale(drop.Select(Math.Abs).ToArray());
        var bloodLevel = intensities.Myocardium + 0.5 * intensities.Contrast;
        var floor = Thresholds.Percentile(polar.Values, FloorPercentile);
        var edge = new float[k * thicknessCount];
        var notWall = new float[k * thicknessCount];
        for (var a = 0; a < k; a++)
        {
            var myocardium = Math.Min(LocalMyocardium(polar, a, endoMm[a], p), intensities.Myocardium);
            var darkLevel = myocardium - floor >= MinDarkSeparation * intensities.Contrast ? floor + DarkFraction * (myocardium - floor) : double.NegativeInfinity;
            double charge = 0;
            for (var r = endoMm[a] + 1.5; r < endoMm[a] + p.MinWallMm; r += step)
            {
                charge += Sample(polar, a, r) >= bloodLevel ? BloodInsideWallCostPerMm * step : 0;
            }
            for (var t = 0; t < thicknessCount; t++)
            {
                var r = endoMm[a] + p.MinWallMm + t * step;
                var value = Sample(polar, a, r);
                charge += value >= bloodLevel ? BloodInsideWallCostPerMm * step : value < darkLevel ? DarkInsideWallCostPerMm * step : 0;
                var i = Math.Min(polar.RadiusCount - 1, (int)Math.Round(r / step));
                var d = drop[a * polar.RadiusCount + i] / scale;
                edge[a * thicknessCount + t] = (float)Math.Min(1.0, d < 0 ? -d : 0.7 * d);
                notWall[a * thicknessCount + t] = (float)charge;
            }
        }
        var typical = TypicalThickness(edge, k, thicknessCount, p);
        var cost = new float[k * thicknessCount];
        for (var a = 0; a < k; a++)
        {
            for (var t = 0; t < thicknessCount; t++)
            {
                var thickness = p.MinWallMm + t * step;
                var deviation = thickness - typical;
                double c = -edge[a * thicknessCount + t] + notWall[a * thicknessCount + t] + p.ThicknessWeight * deviation * deviation;
                if (guideMm is not null)
                {
                    var g = endoMm[a] + thickness - guideMm[a];
                    c += guideWeight * g * g;
                }
                cost[a * thicknessCount + t] = (float)c;
            }
        }
        var path = ClosedPathSearch.Find(cost, k, thicknessCount, EndocardiumSearch.MaxStepSamples(p), p.StepPenalty);
        return path.Select((t, a) => endoMm[a] + p.MinWallMm + t * step).ToArray();
    }

    /// <summary>
    /// The ray's own myocardial signal, the median of the first <see cref="SegmentationParameters.MinWallMm"/> outside the
    /// endocardium (always wall): surface-coil shading darkens the far wall. Used only where darker than the slice's
    /// myocardium (grey trabeculae just outside an endocardium drawn too tight would otherwise pass for wall).
    /// </summary>
    private static double LocalMyocardium(PolarImage polar, int ray, double endoMm, SegmentationParameters p)
    {
        var values = new List<float>();
        for (var r = endoMm + 0.5; r <= endoMm + p.MinWallMm; r += polar.RadialStepMm)
        {
            values.Add(Sample(polar, ray, r));
        }
        return Thresholds.Median(values);
    }

    private static float Sample(PolarImage polar, int ray, double r) =>
        polar[ray, Math.Min(polar.RadiusCount - 1, (int)Math.Round(r / polar.RadialStepMm))];

    /// <summary>The median thickness at the strongest edge of the rays whose strongest edge is clear; all rays if none is.</summary>
    private static double TypicalThickness(float[] edge, int rays, int thicknessCount, SegmentationParameters p)
    {
        var clear = new List<float>();
        var all = new List<float>();
        for (var a = 0; a < rays; a++)
        {
            var best = 0;
            for (var t = 1; t < thicknessCount; t++)
            {
                if (edge[a * thicknessCount + t] > edge[a * thicknessCount + best])
                {
                    best = t;
                }
            }
            var thickness = (float)(p.MinWallMm + best * p.RadialStepMm);
            all.Add(thickness);
            if (edge[a * thicknessCount + best] >= ClearEdge)
            {
                clear.Add(thickness);
            }
        }
        return Thresholds.Median(clear.Count >= rays / 8 ? clear : all);
    }
}
