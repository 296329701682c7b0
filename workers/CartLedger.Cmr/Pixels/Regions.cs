namespace CartLedger.Cmr.Pixels;

/// <summary>One connected region of a mask: its pixel indices (ascending) and simple shape measures.</summary>
public sealed record Region(int Label, IReadOnlyList<int> PixelIndices, double CentroidX, double CentroidY, int MinX, int MinY, int MaxX, int MaxY)
{
    public int Area => PixelIndices.Count;
}

/// <summary>
/// Connected components, hole filling and small-region removal. Scans in raster order and floods with an
/// explicit stack, so labels and outputs are the same on every run (no recursion depth limits on large masks).
/// </summary>
public static class Regions
{
    private static readonly (int Dx, int Dy)[] Four = [(1, 0), (-1, 0), (0, 1), (0, -1)];
    private static readonly (int Dx, int Dy)[] Eight = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)];

    /// <summary>Connected regions of the set pixels, in raster order of their first pixel.</summary>
    public static IReadOnlyList<Region> Label(Mask2D mask, bool eightConnected = false)
    {
        var w = mask.Width;
        var h = mask.Height;
        var labels = new int[w * h];
        var regions = new List<Region>();
        var neighbours = eightConnected ? Eight : Four;
        var stack = new Stack<int>();
        for (var start = 0; start < labels.Length; start++)
        {
            if (mask.Bits[start] == 0 || labels[start] != 0)
            {
                continue;
            }
            var label = regions.Count + 1;
            var pixels = new List<int>();
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                pixels.Add(i);
                int x = i % w, y = i / w;
                foreach (var (dx, dy) in neighbours)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    {
                        continue;
                    }
                    var j = ny * w + nx;
                    if (mask.Bits[j] != 0 && labels[j] == 0)
                    {
                        labels[j] = label;
                        stack.Push(j);
                    }
                }
            }
            pixels.Sort();
            regions.Add(Describe(label, pixels, w));
        }
        return regions;
    }

    /// <summary>The mask with every enclosed hole (background not 4-connected to the image border) filled.</summary>
    public static Mask2D FillHoles(Mask2D mask)
    {
        var background = new Mask2D(mask.Width, mask.Height);
        for (var i = 0; i < mask.Bits.Length; i++)
        {
            background.Bits[i] = (byte)(1 - mask.Bits[i]);
        }
        var result = mask.Clone();
        foreach (var region in Label(background))
        {
            var touchesBorder = region.MinX == 0 || region.MinY == 0 || region.MaxX == mask.Width - 1 || region.MaxY == mask.Height - 1;
            if (!touchesBorder)
            {
                foreach (var i in region.PixelIndices)
                {
                    result.Bits[i] = 1;
                }
            }
        }
        return result;
    }

    /// <summary>A mask of one region's pixels.</summary>
    public static Mask2D ToMask(Region region, int width, int height)
    {
        var mask = new Mask2D(width, height);
        foreach (var i in region.PixelIndices)
        {
            mask.Bits[i] = 1;
        }
        return mask;
    }

    /// <summary>The mask without regions smaller than <paramref name="minimumArea"/> pixels.</summary>
    public static Mask2D RemoveSmall(Mask2D mask, int minimumArea, bool eightConnected = true)
    {
        var result = new Mask2D(mask.Width, mask.Height);
        foreach (var region in Label(mask, eightConnected))
        {
            if (region.Area >= minimumArea)
            {
                foreach (var i in region.PixelIndices)
                {
                    result.Bits[i] = 1;
                }
            }
        }
        return result;
    }

    private static Region Describe(int label, List<int> pixels, int width)
    {
        double sx = 0, sy = 0;
        int minX = int.MaxValue, minY = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue;
        foreach (var i in pixels)
        {
            int x = i % width, y = i / width;
            sx += x;
            sy += y;
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }
        return new Region(label, pixels, sx / pixels.Count, sy / pixels.Count, minX, minY, maxX, maxY);
    }
}
