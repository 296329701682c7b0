using CartLedger.Cmr.Contours;

namespace CartLedger.Cmr.Pixels;

/// <summary>Binary erosion, dilation and opening with a disc of a physical radius (mm) on the pixel grid.</summary>
public static class Morphology
{
    public static Mask2D Erode(Mask2D mask, PixelGrid grid, double radiusMm) => Apply(mask, grid, radiusMm, erode: true);

    public static Mask2D Dilate(Mask2D mask, PixelGrid grid, double radiusMm) => Apply(mask, grid, radiusMm, erode: false);

    /// <summary>Erosion then dilation: removes bright bridges and specks thinner than the disc.</summary>
    public static Mask2D Open(Mask2D mask, PixelGrid grid, double radiusMm) => Dilate(Erode(mask, grid, radiusMm), grid, radiusMm);

    private static Mask2D Apply(Mask2D mask, PixelGrid grid, double radiusMm, bool erode)
    {
        var offsets = Disc(grid, radiusMm);
        var w = mask.Width;
        var h = mask.Height;
        var result = new Mask2D(w, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var hit = erode;
                foreach (var (dx, dy) in offsets)
                {
                    int nx = x + dx, ny = y + dy;
                    var value = nx >= 0 && ny >= 0 && nx < w && ny < h && mask.Bits[ny * w + nx] != 0;
                    if (erode && !value)
                    {
                        hit = false;
                        break;
                    }
                    if (!erode && value)
                    {
                        hit = true;
                        break;
                    }
                }
                result.Bits[y * w + x] = hit ? (byte)1 : (byte)0;
            }
        }
        return result;
    }

    private static List<(int Dx, int Dy)> Disc(PixelGrid grid, double radiusMm)
    {
        var rx = (int)Math.Floor(radiusMm / grid.XSpacingMm);
        var ry = (int)Math.Floor(radiusMm / grid.YSpacingMm);
        var offsets = new List<(int, int)>();
        for (var dy = -ry; dy <= ry; dy++)
        {
            for (var dx = -rx; dx <= rx; dx++)
            {
                var mm = Math.Sqrt(dx * grid.XSpacingMm * dx * grid.XSpacingMm + dy * grid.YSpacingMm * dy * grid.YSpacingMm);
                if (mm <= radiusMm + 1e-9)
                {
                    offsets.Add((dx, dy));
                }
            }
        }
        return offsets;
    }
}
