using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Whether a slice has myocardium all round its cavity (AHA: only such slices make the basal, mid and apical
/// thirds). A ray's wall counts as myocardium when the wall's mean signal is below the blood/wall half-way
/// level; at the valve plane and outflow tract the "wall" is blood and the ring is open.
/// <para>
/// Each slice's own intensity model is fitted to whatever ring it found, so above the base (left atrium, whose
/// thin wall lies among bright blood and fat) a bright ring would pass its own test. The wall is therefore also
/// held to the stack's reference myocardium (the seed slice's, mid-ventricular): darker than three quarters of the
/// way from that myocardium to that blood. A ring with hardly any myocardial ray (under 30 %) is no LV at all.
/// </para>
/// </summary>
public static class RingCoverage
{
    private const double MinMyocardialFraction = 0.85;
    private const double MinLvFraction = 0.3;
    private const double ReferenceLevel = 0.75;

    public static SliceCoverage Of(Image2D image, PixelGrid grid, SliceSegmentation segmentation, SegmentationParameters p, IntensityModel? reference = null)
    {
        var smoothed = SliceSegmenter.Smooth(image, grid, p);
        var (endo, epi) = (segmentation.Contours.Endocardium, segmentation.Contours.Epicardium);
        var level = segmentation.Intensities.Myocardium + 0.5 * segmentation.Intensities.Contrast;
        if (reference is not null)
        {
            level = Math.Min(level, reference.Myocardium + ReferenceLevel * reference.Contrast);
        }
        var myocardial = 0;
        for (var a = 0; a < endo.AngleCount; a++)
        {
            double sum = 0;
            var n = 0;
            for (var r = endo.RadiiMm[a] + 1.0; r <= epi.RadiiMm[a] - 0.5; r += p.RadialStepMm)
            {
                var pixel = endo.Centre + grid.Offset(r, endo.AngleOf(a));
                if (smoothed.Contains(pixel.X, pixel.Y))
                {
                    sum += smoothed.Sample(pixel.X, pixel.Y);
                    n++;
                }
            }
            if (n > 0 && sum / n < level)
            {
                myocardial++;
            }
        }
        return myocardial >= MinMyocardialFraction * endo.AngleCount ? SliceCoverage.Full
            : myocardial >= MinLvFraction * endo.AngleCount ? SliceCoverage.Partial
            : SliceCoverage.None;
    }
}
