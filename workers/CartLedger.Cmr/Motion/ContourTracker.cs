using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// Where each tracked endocardial point of one slice is at every phase, as its image angle (radians) around the
/// slice's fixed centre: the radius comes from that phase's contour, so a point is fully given by its angle.
/// Point k starts on ray k at end-diastole.
/// </summary>
public sealed record TrackedContour(IReadOnlyList<double[]> AnglesRad)
{
    public int PhaseCount => AnglesRad.Count;
}

/// <summary>
/// Contour feature tracking through the cine (SCIENCE.md 4): every end-diastolic endocardial point is followed
/// frame to frame by template matching; the radial part of its motion is taken from the segmented contour of
/// the next phase (the boundary is known there), the tangential part from the image texture, smoothed along the
/// contour (one point's texture cannot tell slide from stretch: the aperture problem). Tracking runs forwards
/// and backwards round the closed cycle from end-diastole and the two are blended by distance in time, which
/// cancels most of the drift of frame-to-frame tracking (as ukbb_cardiac does with its forward/backward fields).
/// </summary>
public static class ContourTracker
{
    public static TrackedContour Track(CineSlice slice, IReadOnlyList<SliceContours> phases, int edPhase, TrackingParameters p)
    {
        var count = phases.Count;
        var grid = PixelGrid.Of(slice.Plane);
        var frames = slice.Frames.Select(f => Smoothing.Gaussian(f, 0.5)).ToArray();
        var start = phases[edPhase].Endocardium;
        var initial = Enumerable.Range(0, start.AngleCount).Select(start.AngleOf).ToArray();
        var half = Math.Max(2, (int)Math.Round(p.TemplateHalfWidthMm / Math.Sqrt(grid.PixelAreaMm2)));
        var search = Math.Max(1, (int)Math.Round(p.SearchRadiusMm / Math.Sqrt(grid.PixelAreaMm2)));
        var forward = new double[count][];
        var backward = new double[count][];
        forward[edPhase] = initial;
        backward[edPhase] = initial;
        for (var step = 1; step < count; step++)
        {
            var previous = (edPhase + step - 1) % count;
            var phase = (edPhase + step) % count;
            forward[phase] = Step(frames[previous], frames[phase], phases[previous].Endocardium, forward[previous], half, search, p);
            var previousBack = (edPhase - step + 1 + count) % count;
            var phaseBack = (edPhase - step + count) % count;
            backward[phaseBack] = Step(frames[previousBack], frames[phaseBack], phases[previousBack].Endocardium, backward[previousBack], half, search, p);
        }
        var blended = new double[count][];
        for (var step = 0; step < count; step++)
        {
            var phase = (edPhase + step) % count;
            var weightBack = (double)step / count;
            blended[phase] = forward[phase].Select((f, k) => f + weightBack * Wrap(backward[phase][k] - f)).ToArray();
        }
        return new TrackedContour(blended);
    }

    private static double[] Step(Image2D from, Image2D to, PolarContour fromContour, double[] angles, int half, int search, TrackingParameters p)
    {
        var grid = fromContour.Grid;
        var centre = fromContour.Centre;
        var delta = new double[angles.Length];
        for (var k = 0; k < angles.Length; k++)
        {
            var point = centre + grid.Offset(fromContour.RadiusAt(angles[k]), angles[k]);
            var (displacement, _) = BlockMatcher.Match(from, to, point, half, search);
            var moved = point + displacement;
            delta[k] = Wrap(grid.AngleOf(moved - centre) - angles[k]);
        }
        var smoothed = CircularSmooth(delta, p.AlongContourSmoothingPoints);
        return angles.Select((a, k) => a + smoothed[k]).ToArray();
    }

    /// <summary>Gaussian smoothing of a periodic sequence (fixed summation order: deterministic).</summary>
    internal static double[] CircularSmooth(double[] values, double sigma)
    {
        var n = values.Length;
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var weights = Enumerable.Range(-radius, 2 * radius + 1).Select(i => Math.Exp(-0.5 * i * i / (sigma * sigma))).ToArray();
        var total = weights.Sum();
        var result = new double[n];
        for (var k = 0; k < n; k++)
        {
            double sum = 0;
            for (var i = -radius; i <= radius; i++)
            {
                sum += weights[i + radius] * values[((k + i) % n + n) % n];
            }
            result[k] = sum / total;
        }
        return result;
    }

    internal static double Wrap(double angle) => Math.Atan2(Math.Sin(angle), Math.Cos(angle));
}
