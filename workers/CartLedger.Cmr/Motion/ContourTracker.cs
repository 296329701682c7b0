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
    /// <summary>Confidence added to every point's neighbourhood: with no texture at all, the slide shrinks to zero.</summary>
    private const double MinimumConfidence = 0.01;

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
            if (!p.TrackTangentialMotion)
            {
                forward[(edPhase + step) % count] = initial;
                backward[(edPhase - step + count) % count] = initial;
                continue;
            }
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

    /// <summary>
    /// One frame of tracking. The boundary's own motion along its normal is what the next contour already
    /// gives; what tracking adds is the slide along the contour, which only texture can show. So only the
    /// displacement along the template's weakest direction (along an edge: the edge itself) is used, weighted
    /// by that direction's share of the gradient energy: a template that sees nothing but the boundary has no
    /// share there and does not slide its point, however the boundary changes shape.
    /// </summary>
    private static double[] Step(Image2D from, Image2D to, PolarContour fromContour, double[] angles, int half, int search, TrackingParameters p)
    {
        var grid = fromContour.Grid;
        var centre = fromContour.Centre;
        var slide = new double[angles.Length];
        var confidence = new double[angles.Length];
        for (var k = 0; k < angles.Length; k++)
        {
            var radius = fromContour.RadiusAt(angles[k]);
            var point = centre + grid.Offset(radius, angles[k]);
            var match = BlockMatcher.Match(from, to, point, half, search);
            var tangent = TangentPixels(fromContour, angles[k]);
            var (weakest, share) = match.Tensor.Weakest();
            var along = weakest * match.Displacement.Dot(weakest);
            var onTangent = along.Dot(tangent);
            // Arc length in mm along the tangent, as an angle at this radius.
            slide[k] = grid.LengthMm(tangent * onTangent) * Math.Sign(onTangent) / Math.Max(radius, 1e-6);
            confidence[k] = share;
        }
        var smoothed = WeightedCircularSmooth(slide, confidence, p.AlongContourSmoothingPoints);
        return angles.Select((a, k) => a + smoothed[k]).ToArray();
    }

    /// <summary>Unit tangent (pixel space) of the contour at an angle, pointing towards increasing angle.</summary>
    private static Vec2 TangentPixels(PolarContour contour, double angle)
    {
        const double h = 1e-3;
        var grid = contour.Grid;
        var before = grid.Offset(contour.RadiusAt(angle - h), angle - h);
        var after = grid.Offset(contour.RadiusAt(angle + h), angle + h);
        var d = after - before;
        return d * (1 / Math.Max(d.Length, 1e-12));
    }

    /// <summary>Confidence-weighted Gaussian smoothing round the contour; low total confidence shrinks towards no slide.</summary>
    private static double[] WeightedCircularSmooth(double[] values, double[] weights, double sigma)
    {
        var weighted = values.Select((v, k) => v * weights[k]).ToArray();
        var numerator = CircularSmooth(weighted, sigma);
        var denominator = CircularSmooth(weights, sigma);
        return numerator.Select((n, k) => n / (denominator[k] + MinimumConfidence)).ToArray();
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

    public static double Wrap(double angle) => Math.Atan2(Math.Sin(angle), Math.Cos(angle));
}
