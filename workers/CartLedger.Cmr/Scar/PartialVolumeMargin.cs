using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// FWHM with a partial-volume margin (see <see cref="FwhmParameters.BorderMarginMm"/>), for contours transferred from
/// the cine rather than drawn on the LGE. The wall is split along each ray into:
/// <list type="bullet">
/// <item>the core, more than the margin inside both contours: it sets the maximum and is thresholded as usual;</item>
/// <item>the endocardial margin, widened one pixel into the cavity (ischaemic scar starts at the endocardium and is
/// often only a pixel or two deep, where a cine contour a fraction of a millimetre off would lose it): scar when
/// above the FWHM threshold and brighter than the blood pool can be (its median + 3 robust SD), since a pixel
/// that shares signal with blood is no brighter than blood;</item>
/// <item>the epicardial margin: takes the state of the core just inside it along its ray (epicardial fat is as
/// bright as blood on LGE, and epicardial scar is rare in ischaemic disease).</item>
/// </list>
/// Cavity-side pixels that are not scar stay cavity; those that are join the myocardium.
/// </summary>
public static class PartialVolumeMargin
{
    private const double BloodCoreInsetMm = 2;
    private const double BloodRobustSds = 3;

    /// <summary>The core of the wall (for the study-wide FWHM maximum).</summary>
    public static Mask2D Core(Mask2D myocardium, SliceContours contours, double marginMm)
    {
        var core = new Mask2D(myocardium.Width, myocardium.Height);
        ForEachPixel(myocardium.Width, myocardium.Height, contours, marginMm, (i, zone, _, _) =>
        {
            core.Bits[i] = zone == Zone.Core && myocardium.Bits[i] != 0 ? (byte)1 : (byte)0;
        });
        return core;
    }

    /// <summary>Scar and myocardium of one slice, given the study's FWHM threshold.</summary>
    public static (Mask2D Scar, Mask2D Myocardium) Segment(Image2D image, Mask2D myocardium, SliceContours contours, double marginMm, FwhmThreshold threshold)
    {
        var grid = contours.Endocardium.Grid;
        var centre = contours.Endocardium.Centre;
        var core = Core(myocardium, contours, marginMm);
        var coreScar = new Mask2D(image.Width, image.Height);
        for (var i = 0; i < coreScar.Bits.Length; i++)
        {
            coreScar.Bits[i] = core.Bits[i] != 0 && image.Pixels[i] >= threshold.Threshold ? (byte)1 : (byte)0;
        }
        var bloodLimit = Math.Max(threshold.Threshold, BloodLimit(image, contours));
        var scar = coreScar.Clone();
        var wall = myocardium.Clone();
        ForEachPixel(image.Width, image.Height, contours, marginMm, (i, zone, angle, coreRadius) =>
        {
            switch (zone)
            {
                case Zone.CavitySide:
                case Zone.EndocardialMargin when myocardium.Bits[i] != 0:
                    var isScar = image.Pixels[i] >= bloodLimit;
                    scar.Bits[i] = isScar ? (byte)1 : (byte)0;
                    wall.Bits[i] = isScar || zone == Zone.EndocardialMargin ? (byte)1 : (byte)0;
                    break;
                case Zone.EpicardialMargin when myocardium.Bits[i] != 0:
                    var p = centre + grid.Offset(coreRadius, angle);
                    var x = Math.Clamp((int)Math.Round(p.X), 0, image.Width - 1);
                    var y = Math.Clamp((int)Math.Round(p.Y), 0, image.Height - 1);
                    scar.Bits[i] = coreScar[x, y] ? (byte)1 : (byte)0;
                    break;
                default:
                    break;
            }
        });
        return (scar, wall);
    }

    /// <summary>The brightest a pixel sharing signal with the blood pool can plausibly be: blood-core median + 3 robust SD.</summary>
    private static double BloodLimit(Image2D image, SliceContours contours)
    {
        var endo = contours.Endocardium;
        var values = new List<float>();
        for (var k = 0; k < endo.AngleCount; k++)
        {
            var inner = endo.RadiiMm[k] - BloodCoreInsetMm;
            for (var r = 0.0; r < inner; r += Math.Sqrt(endo.Grid.PixelAreaMm2))
            {
                var p = endo.Centre + endo.Grid.Offset(r, endo.AngleOf(k));
                if (image.Contains(p.X, p.Y))
                {
                    values.Add(image.Sample(p.X, p.Y));
                }
            }
        }
        if (values.Count < 8)
        {
            return double.MinValue;
        }
        var median = Thresholds.Median(values);
        var mad = Thresholds.Median(values.Select(v => (float)Math.Abs(v - median)).ToList());
        return median + BloodRobustSds * 1.4826 * mad;
    }

    private enum Zone
    {
        Outside,
        CavitySide,
        EndocardialMargin,
        Core,
        EpicardialMargin,
    }

    /// <summary>Visits every pixel near the wall with its zone, ray angle and the radius of the core's outer edge on that ray.</summary>
    private static void ForEachPixel(int width, int height, SliceContours contours, double marginMm, Action<int, Zone, double, double> visit)
    {
        var grid = contours.Endocardium.Grid;
        var centre = contours.Endocardium.Centre;
        var pixel = Math.Sqrt(grid.PixelAreaMm2);
        for (var i = 0; i < width * height; i++)
        {
            var d = new Vec2(i % width, i / width) - centre;
            var angle = grid.AngleOf(d);
            var r = grid.LengthMm(d);
            var inner = contours.Endocardium.RadiusAt(angle);
            var outer = contours.Epicardium.RadiusAt(angle);
            var (lo, hi) = CoreRange(inner, outer, marginMm, pixel);
            var zone = r < inner - pixel || r > outer ? Zone.Outside
                : r < inner ? Zone.CavitySide
                : r < lo ? Zone.EndocardialMargin
                : r <= hi ? Zone.Core
                : Zone.EpicardialMargin;
            if (zone != Zone.Outside)
            {
                visit(i, zone, angle, hi);
            }
        }
    }

    private static (double Lo, double Hi) CoreRange(double inner, double outer, double marginMm, double pixelMm)
    {
        if (outer - inner >= 2 * marginMm + pixelMm)
        {
            return (inner + marginMm, outer - marginMm);
        }
        var middle = 0.5 * (inner + outer);
        return (middle - 0.5 * pixelMm, middle + 0.5 * pixelMm);
    }
}
