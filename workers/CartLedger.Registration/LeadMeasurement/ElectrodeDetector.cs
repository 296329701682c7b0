using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.LeadMeasurement;

/// <summary>A bright compact blob that may be an electrode: sub-pixel position (detector pixels) and filter response.</summary>
public sealed record ElectrodeCandidate(Vec2 Pixel, double Response);

/// <summary>
/// Finds the metallic electrodes of a pacing lead in an X-ray frame. Platinum-iridium rings attenuate about eight times
/// as much as the lead body and forty times as much as iodinated blood, so in attenuation polarity they are the
/// brightest compact blobs: a difference of Gaussians tuned to the electrode's projected size (about 1.3 mm wide,
/// magnified by SID/SOD) responds to them far more than to the lead body, veins or bone edges. Used to snap a click
/// onto the electrode's centre, or to propose electrodes near the LV without a click.
/// </summary>
public static class ElectrodeDetector
{
    /// <summary>Diameter of an LV lead electrode ring, mm (quadripolar leads: 1.3-1.7 mm).</summary>
    public const double ElectrodeDiameterMm = 1.4;

    /// <summary>Candidates, strongest first, inside a circle of <paramref name="radiusPx"/> detector pixels around <paramref name="centre"/>.</summary>
    public static IReadOnlyList<ElectrodeCandidate> Detect(XrayFrame frame, Vec2 centre, double radiusPx, int maxCandidates = 8)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var g = frame.Geometry;
        var sigma = Math.Max(0.7, ElectrodeDiameterMm * g.MagnificationAtIsocenter / Math.Sqrt(g.DetectorPixelSpacingXMm * g.DetectorPixelSpacingYMm) / (2 * Math.Sqrt(2)));
        var margin = (int)Math.Ceiling(9 * sigma);
        int x0 = Math.Max(0, (int)(centre.X - radiusPx) - margin), y0 = Math.Max(0, (int)(centre.Y - radiusPx) - margin);
        int x1 = Math.Min(g.Columns - 1, (int)(centre.X + radiusPx) + margin), y1 = Math.Min(g.Rows - 1, (int)(centre.Y + radiusPx) + margin);
        if (x1 - x0 < 8 || y1 - y0 < 8)
        {
            throw new LandmarkOutsideImageException("pixel", $"{centre} lies outside the {g.Columns}x{g.Rows} image");
        }
        var response = DifferenceOfGaussians(frame.Attenuation(), x0, y0, x1 - x0 + 1, y1 - y0 + 1, sigma);
        return LocalMaxima(response, x0, y0, x1 - x0 + 1, y1 - y0 + 1, centre, radiusPx, (int)Math.Ceiling(2 * sigma), maxCandidates);
    }

    /// <summary>Moves a click to the centre of the strongest electrode within <paramref name="searchRadiusPx"/>; the click itself when none is found.</summary>
    public static Vec2 Snap(XrayFrame frame, Vec2 click, double searchRadiusPx = 12)
    {
        var candidates = Detect(frame, click, searchRadiusPx, maxCandidates: 1);
        return candidates.Count > 0 ? candidates[0].Pixel : click;
    }

    private static float[] DifferenceOfGaussians(Image2D attenuation, int x0, int y0, int w, int h, double sigma)
    {
        var crop = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            Array.Copy(attenuation.Pixels, (y0 + y) * attenuation.Width + x0, crop, y * w, w);
        }
        var narrow = new float[crop.Length];
        var wide = new float[crop.Length];
        var scratch = new float[crop.Length];
        ImageFilters.Gaussian(crop, narrow, scratch, w, h, ImageFilters.GaussianKernel(sigma), 0, 0, w - 1, h - 1);
        ImageFilters.Gaussian(crop, wide, scratch, w, h, ImageFilters.GaussianKernel(3 * sigma), 0, 0, w - 1, h - 1);
        for (var i = 0; i < crop.Length; i++)
        {
            narrow[i] -= wide[i];
        }
        return narrow;
    }

    private static List<ElectrodeCandidate> LocalMaxima(float[] r, int x0, int y0, int w, int h, Vec2 centre, double radiusPx, int separation, int maxCandidates)
    {
        var found = new List<(ElectrodeCandidate Candidate, int Order)>();
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var v = r[y * w + x];
                if (v <= 0 || new Vec2(x0 + x, y0 + y).DistanceTo(centre) > radiusPx || !IsPeak(r, x, y, w, v))
                {
                    continue;
                }
                // Sub-pixel position: parabola through the peak and its neighbours along each axis.
                var dx = Vertex(r[y * w + x - 1], v, r[y * w + x + 1]);
                var dy = Vertex(r[(y - 1) * w + x], v, r[(y + 1) * w + x]);
                found.Add((new ElectrodeCandidate(new Vec2(x0 + x + dx, y0 + y + dy), v), found.Count));
            }
        }
        var kept = new List<ElectrodeCandidate>();
        foreach (var (candidate, _) in found.OrderByDescending(f => f.Candidate.Response).ThenBy(f => f.Order))
        {
            if (kept.Count == maxCandidates)
            {
                break;
            }
            if (kept.All(k => k.Pixel.DistanceTo(candidate.Pixel) > separation))
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }

    private static bool IsPeak(float[] r, int x, int y, int w, float v)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if ((dx != 0 || dy != 0) && r[(y + dy) * w + x + dx] > v)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double Vertex(double left, double centre, double right)
    {
        var curvature = left - 2 * centre + right;
        return curvature < 0 ? Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5) : 0;
    }
}
