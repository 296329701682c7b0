using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Scar transmurality along radial chords (cmr-notes 2.4): on every ray of the slice's contours, the chord runs
/// from the endocardium to the epicardium; its transmurality is the fraction of the chord, sampled every
/// quarter pixel, that lies on scar pixels. A segment's transmurality is the mean over the chords in it.
/// </summary>
public static class Transmurality
{
    private const double SamplesPerPixel = 4;

    /// <summary>Fraction (0-1) of each chord that is scar, one value per ray of <paramref name="contours"/>.</summary>
    public static double[] OfChords(Mask2D scar, SliceContours contours)
    {
        var endo = contours.Endocardium;
        var epi = contours.Epicardium;
        var grid = endo.Grid;
        var step = Math.Min(grid.XSpacingMm, grid.YSpacingMm) / SamplesPerPixel;
        var fractions = new double[endo.AngleCount];
        for (var k = 0; k < endo.AngleCount; k++)
        {
            var angle = endo.AngleOf(k);
            var inner = endo.RadiiMm[k];
            var outer = epi.RadiiMm[k];
            if (outer <= inner)
            {
                continue;
            }
            int samples = 0, scarred = 0;
            for (var r = inner + step / 2; r < outer; r += step)
            {
                var p = endo.Centre + grid.Offset(r, angle);
                var x = (int)Math.Round(p.X);
                var y = (int)Math.Round(p.Y);
                samples++;
                if (x >= 0 && y >= 0 && x < scar.Width && y < scar.Height && scar[x, y])
                {
                    scarred++;
                }
            }
            fractions[k] = samples == 0 ? 0 : (double)scarred / samples;
        }
        return fractions;
    }
}
