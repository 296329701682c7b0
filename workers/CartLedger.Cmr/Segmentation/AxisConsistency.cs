using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// 3D consistency between slices: the LV centres of a short-axis stack lie near one straight long axis. A
/// line is fitted (least squares, centre as a linear function of slice position) through the slices found; a
/// slice whose centre strays more than the limit is segmented again from the line's point, and dropped (with
/// a warning) if it still strays, e.g. a basal slice that locked onto the aorta or the atrium.
/// </summary>
public static class AxisConsistency
{
    public static void Enforce(IReadOnlyList<CineSlice> slices, SliceSegmentation?[] ed, int phase, SegmentationParameters p, double maxDeviationMm, List<string> warnings)
    {
        var fit = Fit(slices, ed);
        if (fit is null)
        {
            return;
        }
        for (var i = 0; i < slices.Count; i++)
        {
            if (ed[i] is not { } result)
            {
                continue;
            }
            var plane = slices[i].Plane;
            var expected = fit.Value.At(plane.PositionAlongNormal);
            if (plane.ToPatient(result.Contours.Endocardium.Centre).DistanceTo(expected) <= maxDeviationMm)
            {
                continue;
            }
            var retry = SliceSegmenter.SegmentFromSeed(slices[i].Frames[phase], plane.ToPixel(expected), PixelGrid.Of(plane), p);
            if (retry is not null && plane.ToPatient(retry.Contours.Endocardium.Centre).DistanceTo(expected) <= maxDeviationMm)
            {
                ed[i] = retry;
            }
            else
            {
                ed[i] = null;
                warnings.Add($"Slice {i} (base to apex) dropped: its cavity lies off the LV long axis.");
            }
        }
    }

    private static (Vec3 A, Vec3 B, Func<double, Vec3> At)? Fit(IReadOnlyList<CineSlice> slices, SliceSegmentation?[] ed)
    {
        var points = new List<(double S, Vec3 C)>();
        for (var i = 0; i < slices.Count; i++)
        {
            if (ed[i] is { } result)
            {
                points.Add((slices[i].Plane.PositionAlongNormal, slices[i].Plane.ToPatient(result.Contours.Endocardium.Centre)));
            }
        }
        if (points.Count < 3)
        {
            return null;
        }
        var meanS = points.Average(x => x.S);
        var meanC = points.Aggregate(Vec3.Zero, (sum, x) => sum + x.C) / points.Count;
        double sss = 0;
        var ssc = Vec3.Zero;
        foreach (var (s, c) in points)
        {
            sss += (s - meanS) * (s - meanS);
            ssc += (c - meanC) * (s - meanS);
        }
        var slope = sss > 1e-9 ? ssc / sss : Vec3.Zero;
        var a = meanC - slope * meanS;
        return (a, slope, s => a + slope * s);
    }
}
