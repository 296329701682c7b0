using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Corrects the in-plane offset between a cine slice and its LGE slice: every LGE image is its own breath-hold,
/// so the heart sits a few millimetres elsewhere than in the cine (cmr-notes 5.1). The transferred contours are
/// shifted to where the LGE shows a bright cavity inside a dark (nulled) wall: the shift maximising the median of
/// the cavity core minus the median of the mid-wall, searched on a 1 mm grid within +/-8 mm and refined on a
/// 0.25 mm grid, with a small penalty per mm so a flat optimum stays near zero. Medians keep a scar (bright wall)
/// from pulling the ring while it covers less than half the wall.
/// </summary>
public static class LgeAlignment
{
    private const double SearchMm = 8;
    private const double CoarseStepMm = 1;
    private const double FineStepMm = 0.25;
    private const double PenaltyPerMmOfContrast = 0.01;

    public static SliceContours Align(Image2D image, SliceContours contours)
    {
        var grid = contours.Endocardium.Grid;
        var (cavity, wall) = SamplePoints(contours);
        double Score(double dx, double dy)
        {
            var offset = new Vec2(dx / grid.XSpacingMm, dy / grid.YSpacingMm);
            return Median(image, cavity, offset) - Median(image, wall, offset);
        }
        var zero = Score(0, 0);
        var scale = Math.Max(Math.Abs(zero), 1e-6);
        var best = (X: 0.0, Y: 0.0, Score: zero);
        void Try(double dx, double dy)
        {
            var s = Score(dx, dy) - PenaltyPerMmOfContrast * scale * Math.Sqrt(dx * dx + dy * dy);
            if (s > best.Score + 1e-12)
            {
                best = (dx, dy, s);
            }
        }
        for (var dy = -SearchMm; dy <= SearchMm + 1e-9; dy += CoarseStepMm)
        {
            for (var dx = -SearchMm; dx <= SearchMm + 1e-9; dx += CoarseStepMm)
            {
                Try(dx, dy);
            }
        }
        var (cx, cy) = (best.X, best.Y);
        for (var dy = cy - CoarseStepMm; dy <= cy + CoarseStepMm + 1e-9; dy += FineStepMm)
        {
            for (var dx = cx - CoarseStepMm; dx <= cx + CoarseStepMm + 1e-9; dx += FineStepMm)
            {
                Try(dx, dy);
            }
        }
        var shift = new Vec2(best.X / grid.XSpacingMm, best.Y / grid.YSpacingMm);
        return new SliceContours(contours.Endocardium with { Centre = contours.Endocardium.Centre + shift }, contours.Epicardium with { Centre = contours.Epicardium.Centre + shift });
    }

    /// <summary>Pixel positions in the cavity core (inside the endocardium by 2 mm and more) and on the mid-wall.</summary>
    private static (List<Vec2> Cavity, List<Vec2> Wall) SamplePoints(SliceContours contours)
    {
        var endo = contours.Endocardium;
        var epi = contours.Epicardium;
        var cavity = new List<Vec2>();
        var wall = new List<Vec2>();
        for (var k = 0; k < endo.AngleCount; k++)
        {
            var angle = endo.AngleOf(k);
            var inner = Math.Max(0, endo.RadiiMm[k] - 2);
            foreach (var f in (double[])[0.3, 0.6, 0.9])
            {
                cavity.Add(endo.Centre + endo.Grid.Offset(inner * f, angle));
            }
            var thickness = epi.RadiiMm[k] - endo.RadiiMm[k];
            foreach (var f in (double[])[0.35, 0.5, 0.65])
            {
                wall.Add(endo.Centre + endo.Grid.Offset(endo.RadiiMm[k] + f * thickness, angle));
            }
        }
        return (cavity, wall);
    }

    private static double Median(Image2D image, List<Vec2> points, Vec2 offset)
    {
        var values = new float[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i] + offset;
            values[i] = image.Sample(Math.Clamp(p.X, 0, image.Width - 1), Math.Clamp(p.Y, 0, image.Height - 1));
        }
        return Thresholds.Median(values);
    }
}
