using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// Template matching by normalised cross-correlation (the core of contour feature tracking, as in TomTec's
/// CPA): the patch around a point in one frame is searched for in the next frame on whole-pixel offsets, then
/// refined to sub-pixel by a parabola through the best score and its neighbours along each axis.
/// </summary>
public static class BlockMatcher
{
    /// <summary>Displacement (pixels) of the patch at <paramref name="point"/> from <paramref name="from"/> to <paramref name="to"/>, and its NCC score.</summary>
    public static (Vec2 Displacement, double Score) Match(Image2D from, Image2D to, Vec2 point, int halfWidth, int searchRadius)
    {
        var cx = (int)Math.Round(point.X);
        var cy = (int)Math.Round(point.Y);
        var size = 2 * searchRadius + 1;
        var scores = new double[size * size];
        var best = -2.0;
        int bestDx = 0, bestDy = 0;
        for (var dy = -searchRadius; dy <= searchRadius; dy++)
        {
            for (var dx = -searchRadius; dx <= searchRadius; dx++)
            {
                var score = Ncc(from, to, cx, cy, cx + dx, cy + dy, halfWidth);
                scores[(dy + searchRadius) * size + dx + searchRadius] = score;
                // Ties (flat texture) go to the smaller displacement: scan order plus a strict comparison with a zero-first bias.
                if (score > best + 1e-12 || (Math.Abs(score - best) <= 1e-12 && dx * dx + dy * dy < bestDx * bestDx + bestDy * bestDy))
                {
                    best = score;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        double Score(int dx, int dy) => scores[(dy + searchRadius) * size + dx + searchRadius];
        var subX = Math.Abs(bestDx) < searchRadius ? Vertex(Score(bestDx - 1, bestDy), best, Score(bestDx + 1, bestDy)) : 0;
        var subY = Math.Abs(bestDy) < searchRadius ? Vertex(Score(bestDx, bestDy - 1), best, Score(bestDx, bestDy + 1)) : 0;
        return (new Vec2(bestDx + subX, bestDy + subY), best);
    }

    /// <summary>Offset (-0.5..0.5) of a parabola's vertex through three equally spaced samples.</summary>
    private static double Vertex(double left, double centre, double right)
    {
        var denominator = left - 2 * centre + right;
        return denominator >= -1e-12 ? 0 : Math.Clamp(0.5 * (left - right) / denominator, -0.5, 0.5);
    }

    private static double Ncc(Image2D a, Image2D b, int ax, int ay, int bx, int by, int half)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        var n = 0;
        for (var y = -half; y <= half; y++)
        {
            var ya = Math.Clamp(ay + y, 0, a.Height - 1);
            var yb = Math.Clamp(by + y, 0, b.Height - 1);
            for (var x = -half; x <= half; x++)
            {
                double va = a.Pixels[ya * a.Width + Math.Clamp(ax + x, 0, a.Width - 1)];
                double vb = b.Pixels[yb * b.Width + Math.Clamp(bx + x, 0, b.Width - 1)];
                sa += va;
                sb += vb;
                saa += va * va;
                sbb += vb * vb;
                sab += va * vb;
                n++;
            }
        }
        var cov = sab - sa * sb / n;
        var varA = saa - sa * sa / n;
        var varB = sbb - sb * sb / n;
        return varA <= 1e-9 || varB <= 1e-9 ? 0 : cov / Math.Sqrt(varA * varB);
    }
}
