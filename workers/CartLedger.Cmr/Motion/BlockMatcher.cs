using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Motion;

/// <summary>Gradient energy of a template (weighted sums of gx^2, gx gy, gy^2): how well it pins motion in each direction.</summary>
public readonly record struct StructureTensor(double Xx, double Xy, double Yy)
{
    /// <summary>
    /// The direction the template pins least (unit eigenvector of the smaller eigenvalue) and that eigenvalue's
    /// share of the total (0 for a straight edge, which pins only its normal; 0.5 for isotropic texture).
    /// </summary>
    public (Vec2 Direction, double Share) Weakest()
    {
        var trace = Xx + Yy;
        if (trace <= 0)
        {
            return (new Vec2(1, 0), 0);
        }
        var half = 0.5 * (Xx - Yy);
        var root = Math.Sqrt(half * half + Xy * Xy);
        var small = 0.5 * trace - root;
        // Eigenvector of the smaller eigenvalue: (Xy, small - Xx), or an axis when the tensor is diagonal.
        var v = Math.Abs(Xy) > 1e-12 ? new Vec2(Xy, small - Xx) : Xx <= Yy ? new Vec2(1, 0) : new Vec2(0, 1);
        return (v * (1 / v.Length), Math.Max(0, small) / trace);
    }
}

/// <summary>One template match: displacement in pixels, NCC score at the best whole-pixel offset, and the template's structure tensor.</summary>
public readonly record struct BlockMatch(Vec2 Displacement, double Score, StructureTensor Tensor);

/// <summary>
/// Template matching by normalised cross-correlation (the core of contour feature tracking, as in TomTec's
/// CPA): the patch around a point in one frame is searched for in the next frame on whole-pixel offsets, then
/// refined to sub-pixel accuracy by Lucas-Kanade least squares.
/// </summary>
public static class BlockMatcher
{
    private const int MaxIterations = 5;

    /// <summary>Displacement (pixels) of the patch at <paramref name="point"/> from <paramref name="from"/> to <paramref name="to"/>, its NCC score and the patch's structure tensor.</summary>
    public static BlockMatch Match(Image2D from, Image2D to, Vec2 point, int halfWidth, int searchRadius)
    {
        var cx = (int)Math.Round(point.X);
        var cy = (int)Math.Round(point.Y);
        var best = -2.0;
        int bestDx = 0, bestDy = 0;
        for (var dy = -searchRadius; dy <= searchRadius; dy++)
        {
            for (var dx = -searchRadius; dx <= searchRadius; dx++)
            {
                var score = Ncc(from, to, cx, cy, cx + dx, cy + dy, halfWidth);
                // Ties (flat texture) go to the smaller displacement: scan order plus a strict comparison with a zero-first bias.
                if (score > best + 1e-12 || (Math.Abs(score - best) <= 1e-12 && dx * dx + dy * dy < bestDx * bestDx + bestDy * bestDy))
                {
                    best = score;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        var (refined, tensor) = Refine(from, to, cx, cy, new Vec2(bestDx, bestDy), halfWidth);
        return new BlockMatch(refined, best, tensor);
    }

    /// <summary>
    /// Lucas-Kanade refinement of an integer match to sub-pixel accuracy: least squares on the template's
    /// gradients, iterated with bilinear sampling of the target and a free brightness offset. NCC peaks are
    /// too flat for a parabola when strong static edges share the template (they pull towards whole pixels);
    /// the gradient solution measures the motion each direction's texture supports, and a small ridge term
    /// keeps directions without texture (the aperture problem) at the integer estimate.
    /// </summary>
    private static (Vec2 Displacement, StructureTensor Tensor) Refine(Image2D from, Image2D to, int cx, int cy, Vec2 start, int half)
    {
        var size = 2 * half + 1;
        var gx = new double[size * size];
        var gy = new double[size * size];
        var template = new double[size * size];
        var weight = new double[size * size];
        double hxx = 0, hxy = 0, hyy = 0;
        var sigma = half / 1.5 + 0.5;
        for (var v = -half; v <= half; v++)
        {
            for (var u = -half; u <= half; u++)
            {
                var i = (v + half) * size + u + half;
                var x = Math.Clamp(cx + u, 1, from.Width - 2);
                var y = Math.Clamp(cy + v, 1, from.Height - 2);
                template[i] = from[x, y];
                gx[i] = 0.5 * (from[x + 1, y] - from[x - 1, y]);
                gy[i] = 0.5 * (from[x, y + 1] - from[x, y - 1]);
                weight[i] = Math.Exp(-0.5 * (u * u + v * v) / (sigma * sigma));
                hxx += weight[i] * gx[i] * gx[i];
                hxy += weight[i] * gx[i] * gy[i];
                hyy += weight[i] * gy[i] * gy[i];
            }
        }
        var tensor = new StructureTensor(hxx, hxy, hyy);
        var ridge = 1e-6 * (hxx + hyy) + 1e-9;
        hxx += ridge;
        hyy += ridge;
        var determinant = hxx * hyy - hxy * hxy;
        var d = start;
        var residual = new double[size * size];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double mean = 0, total = 0;
            for (var v = -half; v <= half; v++)
            {
                for (var u = -half; u <= half; u++)
                {
                    var i = (v + half) * size + u + half;
                    residual[i] = to.Sample(Math.Clamp(cx + u + d.X, 0, to.Width - 1), Math.Clamp(cy + v + d.Y, 0, to.Height - 1)) - template[i];
                    mean += weight[i] * residual[i];
                    total += weight[i];
                }
            }
            mean /= total;
            double bx = 0, by = 0;
            for (var i = 0; i < residual.Length; i++)
            {
                var e = residual[i] - mean;
                bx += weight[i] * gx[i] * e;
                by += weight[i] * gy[i] * e;
            }
            var step = new Vec2(-(hyy * bx - hxy * by) / determinant, -(hxx * by - hxy * bx) / determinant);
            d = new Vec2(Math.Clamp(d.X + step.X, start.X - 1, start.X + 1), Math.Clamp(d.Y + step.Y, start.Y - 1, start.Y + 1));
            if (step.Length < 0.01)
            {
                break;
            }
        }
        return (d, tensor);
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
