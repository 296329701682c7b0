using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Registration.Overlay;

/// <summary>Drawing primitives on an <see cref="RgbImage"/>, clipped to the picture: blended pixels, lines, discs, rings, triangles.</summary>
internal sealed class OverlayCanvas(RgbImage picture)
{
    public RgbImage Picture { get; } = picture;

    public void Blend(int x, int y, RgbColour colour, double alpha)
    {
        if (x < 0 || y < 0 || x >= Picture.Width || y >= Picture.Height)
        {
            return;
        }
        var (r, g, b) = Picture[x, y];
        Picture[x, y] = (Mix(r, colour.R, alpha), Mix(g, colour.G, alpha), Mix(b, colour.B, alpha));
    }

    public void Set(int x, int y, RgbColour colour) => Blend(x, y, colour, 1);

    public void Disc(double cx, double cy, double radius, RgbColour colour, double alpha = 1)
    {
        var r = (int)Math.Ceiling(radius);
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                if (dx * dx + dy * dy <= radius * radius)
                {
                    Blend((int)Math.Round(cx) + dx, (int)Math.Round(cy) + dy, colour, alpha);
                }
            }
        }
    }

    public void Ring(double cx, double cy, double radius, double width, RgbColour colour)
    {
        var r = (int)Math.Ceiling(radius + width);
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                var d = Math.Sqrt(dx * dx + dy * dy);
                if (Math.Abs(d - radius) <= width / 2)
                {
                    Set((int)Math.Round(cx) + dx, (int)Math.Round(cy) + dy, colour);
                }
            }
        }
    }

    /// <summary>A line of the given width (pixels), by stepping along it at half-pixel intervals.</summary>
    public void Line(Vec2 a, Vec2 b, double width, RgbColour colour)
    {
        var steps = Math.Max(1, (int)Math.Ceiling(2 * a.DistanceTo(b)));
        for (var i = 0; i <= steps; i++)
        {
            var t = (double)i / steps;
            Disc(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t, width / 2, colour);
        }
    }

    /// <summary>Marks every pixel whose centre lies in triangle abc (either winding).</summary>
    public static void FillTriangle(Vec2 a, Vec2 b, Vec2 c, bool[] mask, int width, int height)
    {
        var x0 = Math.Max(0, (int)Math.Floor(Math.Min(a.X, Math.Min(b.X, c.X))));
        var x1 = Math.Min(width - 1, (int)Math.Ceiling(Math.Max(a.X, Math.Max(b.X, c.X))));
        var y0 = Math.Max(0, (int)Math.Floor(Math.Min(a.Y, Math.Min(b.Y, c.Y))));
        var y1 = Math.Min(height - 1, (int)Math.Ceiling(Math.Max(a.Y, Math.Max(b.Y, c.Y))));
        var area = Edge(a, b, c);
        if (Math.Abs(area) < 1e-12)
        {
            return;
        }
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var p = new Vec2(x, y);
                double w0 = Edge(b, c, p) / area, w1 = Edge(c, a, p) / area, w2 = Edge(a, b, p) / area;
                if (w0 >= 0 && w1 >= 0 && w2 >= 0)
                {
                    mask[y * width + x] = true;
                }
            }
        }
    }

    private static double Edge(Vec2 a, Vec2 b, Vec2 p) => (b.X - a.X) * (p.Y - a.Y) - (b.Y - a.Y) * (p.X - a.X);

    private static byte Mix(byte under, byte over, double alpha) => (byte)Math.Clamp(Math.Round(under + (over - under) * alpha), 0, 255);
}
