using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Scar;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Evaluation;

/// <summary>
/// A picture of found against true scar on one LGE slice, cropped round the LV and enlarged: grey LGE, found scar red,
/// true scar green, both yellow, other found myocardium tinted blue, the endocardial contour blue and the epicardial one
/// magenta. For looking at where a scar mask goes wrong (bench cmr --scar-pictures).
/// </summary>
public static class ScarOverlay
{
    public static readonly (byte R, byte G, byte B) Found = (255, 0, 0);
    public static readonly (byte R, byte G, byte B) Truth = (0, 200, 0);
    public static readonly (byte R, byte G, byte B) Both = (255, 255, 0);
    private static readonly (byte R, byte G, byte B) Endocardium = (0, 128, 255);
    private static readonly (byte R, byte G, byte B) Epicardium = (255, 0, 255);

    /// <summary>The picture: <paramref name="halfSizePixels"/> image pixels either side of the endocardial centre, each drawn <paramref name="zoom"/> times larger.</summary>
    public static RgbImage Of(ScarSlice slice, Mask2D trueScar, int halfSizePixels = 32, int zoom = 8)
    {
        var image = slice.Slice.Image;
        if (trueScar.Width != image.Width || trueScar.Height != image.Height)
        {
            throw new ArgumentException($"true scar is {trueScar.Width}x{trueScar.Height} but the LGE image is {image.Width}x{image.Height}", nameof(trueScar));
        }
        var endo = slice.Slice.Contours.Endocardium;
        var size = 2 * halfSizePixels * zoom;
        var x0 = (int)Math.Round(endo.Centre.X) - halfSizePixels;
        var y0 = (int)Math.Round(endo.Centre.Y) - halfSizePixels;
        var brightest = Math.Max(image.Pixels.Max(), 1e-6f);
        var picture = new RgbImage(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                int px = x0 + x / zoom, py = y0 + y / zoom;
                if (px < 0 || py < 0 || px >= image.Width || py >= image.Height)
                {
                    continue;
                }
                var i = py * image.Width + px;
                var grey = (byte)Math.Clamp(255 * image.Pixels[i] / brightest, 0, 255);
                var colour = (slice.Scar.Bits[i] != 0, trueScar.Bits[i] != 0) switch
                {
                    (true, true) => Both,
                    (true, false) => Found,
                    (false, true) => Truth,
                    _ when slice.Myocardium.Bits[i] != 0 => ((byte)(grey * 0.7), (byte)(grey * 0.7), (byte)Math.Min(255, grey * 0.7 + 60)),
                    _ => (grey, grey, grey),
                };
                Set(picture, x, y, colour);
            }
        }
        for (var k = 0; k < endo.AngleCount; k++)
        {
            Dot(picture, endo.PointAt(k), x0, y0, zoom, Endocardium);
            Dot(picture, slice.Slice.Contours.Epicardium.PointAt(k), x0, y0, zoom, Epicardium);
        }
        return picture;
    }

    private static void Dot(RgbImage picture, Vec2 p, int x0, int y0, int zoom, (byte R, byte G, byte B) colour)
    {
        var cx = (int)Math.Round((p.X - x0 + 0.5) * zoom);
        var cy = (int)Math.Round((p.Y - y0 + 0.5) * zoom);
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                int x = cx + dx, y = cy + dy;
                if (x >= 0 && y >= 0 && x < picture.Width && y < picture.Height)
                {
                    Set(picture, x, y, colour);
                }
            }
        }
    }

    private static void Set(RgbImage picture, int x, int y, (byte R, byte G, byte B) colour)
    {
        var o = 3 * (y * picture.Width + x);
        picture.Rgb[o] = colour.R;
        picture.Rgb[o + 1] = colour.G;
        picture.Rgb[o + 2] = colour.B;
    }
}
