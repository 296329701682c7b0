using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Scar transmurality along radial chords (cmr-notes 2.4): on every ray of the slice's contours a chord crosses
/// the wall, sampled every quarter pixel from one pixel inside the endocardium to the epicardium; its
/// transmurality is the share of its myocardial samples that are scar (samples on cavity pixels count for
/// neither, so scar found on the cavity side of a cine contour lengthens the wall instead of vanishing).
/// A segment's transmurality is the mean over the chords in it.
/// </summary>
public static class Transmurality
{
    private const double SamplesPerPixel = 4;

    /// <summary>Fraction (0-1) of each chord that is scar, one value per ray of <paramref name="contours"/>.</summary>
    public static double[] OfChords(Mask2D scar, Mask2D myocardium, SliceContours contours)
    {
        var endo = contours.Endocardium;
        var epi = contours.Epicardium;
        var grid = endo.Grid;
        var pixel = Math.Min(grid.XSpacingMm, grid.YSpacingMm);
        var step = pixel / SamplesPerPixel;
        var fractions = new double[endo.AngleCount];
        for (var k = 0; k < endo.AngleCount; k++)
        {
            var angle = endo.AngleOf(k);
            var inner = Math.Max(0, endo.RadiiMm[k] - pixel);
            var outer = epi.RadiiMm[k];
            int wall = 0, scarred = 0;
            for (var r = inner + step / 2; r < outer; r += step)
            {
                var p = endo.Centre + grid.Offset(r, angle);
                var x = (int)Math.Round(p.X);
                var y = (int)Math.Round(p.Y);
                if (x < 0 || y < 0 || x >= scar.Width || y >= scar.Height || !myocardium[x, y])
                {
                    continue;
                }
                wall++;
                scarred += scar[x, y] ? 1 : 0;
            }
            fractions[k] = wall == 0 ? 0 : (double)scarred / wall;
        }
        return fractions;
    }
}
