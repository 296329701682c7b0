using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Contours;

/// <summary>Convex hull (Andrew's monotone chain) of a mask's pixel squares, counter-clockwise in pixel coordinates.</summary>
public static class ConvexHull
{
    public static IReadOnlyList<Vec2> OfMask(Mask2D mask)
    {
        var points = new List<Vec2>();
        for (var y = 0; y < mask.Height; y++)
        {
            var first = -1;
            var last = -1;
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask[x, y])
                {
                    if (first < 0)
                    {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0)
            {
                points.Add(new Vec2(first - 0.5, y - 0.5));
                points.Add(new Vec2(first - 0.5, y + 0.5));
                points.Add(new Vec2(last + 0.5, y - 0.5));
                points.Add(new Vec2(last + 0.5, y + 0.5));
            }
        }
        return Of(points);
    }

    public static IReadOnlyList<Vec2> Of(IReadOnlyList<Vec2> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return sorted;
        }
        var hull = new Vec2[2 * sorted.Length];
        var count = 0;
        foreach (var p in sorted)
        {
            while (count >= 2 && Cross(hull[count - 2], hull[count - 1], p) <= 0)
            {
                count--;
            }
            hull[count++] = p;
        }
        var lower = count + 1;
        for (var i = sorted.Length - 2; i >= 0; i--)
        {
            var p = sorted[i];
            while (count >= lower && Cross(hull[count - 2], hull[count - 1], p) <= 0)
            {
                count--;
            }
            hull[count++] = p;
        }
        return hull[..(count - 1)];
    }

    private static double Cross(Vec2 o, Vec2 a, Vec2 b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
}
