using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Contours;

/// <summary>
/// Closed polygons in pixel coordinates (imported or expert contours): area, rasterisation at pixel centres,
/// and conversion to a <see cref="PolarContour"/> by casting rays from a centre (the farthest crossing wins,
/// so small concavities do not split the contour).
/// </summary>
public static class Polygons
{
    /// <summary>Signed-area-free area in mm^2 of a closed polygon.</summary>
    public static double AreaMm2(IReadOnlyList<Vec2> polygon, PixelGrid grid)
    {
        double twice = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Count];
            twice += a.X * b.Y - b.X * a.Y;
        }
        return Math.Abs(twice) * 0.5 * grid.PixelAreaMm2;
    }

    /// <summary>Area-weighted centroid (pixels) of a closed polygon.</summary>
    public static Vec2 Centroid(IReadOnlyList<Vec2> polygon)
    {
        double twice = 0, cx = 0, cy = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Count];
            var cross = a.X * b.Y - b.X * a.Y;
            twice += cross;
            cx += (a.X + b.X) * cross;
            cy += (a.Y + b.Y) * cross;
        }
        if (Math.Abs(twice) < 1e-12)
        {
            return new Vec2(polygon.Average(p => p.X), polygon.Average(p => p.Y));
        }
        return new Vec2(cx / (3 * twice), cy / (3 * twice));
    }

    /// <summary>Pixels whose centres lie inside the polygon (even-odd rule).</summary>
    public static Mask2D Rasterize(IReadOnlyList<Vec2> polygon, int width, int height)
    {
        var mask = new Mask2D(width, height);
        var crossings = new List<double>();
        for (var y = 0; y < height; y++)
        {
            crossings.Clear();
            for (var i = 0; i < polygon.Count; i++)
            {
                var a = polygon[i];
                var b = polygon[(i + 1) % polygon.Count];
                if ((a.Y <= y && b.Y > y) || (b.Y <= y && a.Y > y))
                {
                    crossings.Add(a.X + (y - a.Y) / (b.Y - a.Y) * (b.X - a.X));
                }
            }
            crossings.Sort();
            for (var c = 0; c + 1 < crossings.Count; c += 2)
            {
                var x0 = Math.Max(0, (int)Math.Ceiling(crossings[c]));
                var x1 = Math.Min(width - 1, (int)Math.Floor(crossings[c + 1]));
                for (var x = x0; x <= x1; x++)
                {
                    mask[x, y] = true;
                }
            }
        }
        return mask;
    }

    /// <summary>Re-samples a closed polygon as radii at equally spaced angles around <paramref name="centre"/>.</summary>
    public static PolarContour ToPolar(IReadOnlyList<Vec2> polygon, Vec2 centre, int angleCount, PixelGrid grid)
    {
        var radii = new double[angleCount];
        for (var k = 0; k < angleCount; k++)
        {
            var angle = 2 * Math.PI * k / angleCount;
            var direction = grid.Offset(1, angle);
            double best = 0;
            for (var i = 0; i < polygon.Count; i++)
            {
                var t = RayCrossing(centre, direction, polygon[i], polygon[(i + 1) % polygon.Count]);
                if (t > best)
                {
                    best = t;
                }
            }
            radii[k] = best;
        }
        return new PolarContour(centre, radii, grid);
    }

    /// <summary>Distance (in units of <paramref name="direction"/>) from origin along the ray to segment ab, or -1.</summary>
    private static double RayCrossing(Vec2 origin, Vec2 direction, Vec2 a, Vec2 b)
    {
        var e = b - a;
        var denominator = direction.X * e.Y - direction.Y * e.X;
        if (Math.Abs(denominator) < 1e-12)
        {
            return -1;
        }
        var d = a - origin;
        var t = (d.X * e.Y - d.Y * e.X) / denominator;
        var s = (d.X * direction.Y - d.Y * direction.X) / denominator;
        return t >= 0 && s >= 0 && s <= 1 ? t : -1;
    }
}
