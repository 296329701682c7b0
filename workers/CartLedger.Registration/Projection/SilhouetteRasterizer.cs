using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// Projects a triangle mesh and rasterises the union of its triangles (the silhouette of the model) onto a
/// <see cref="PixelGrid"/>. Every pixel holds 4 x 8 sub-samples as the bits of one uint (byte t = sub-row t, bit s =
/// sub-column s); a triangle ORs its scanline spans into them, so the union needs no sorting and overlaps cost nothing.
/// From the bits come an anti-aliased coverage image (1/32 steps, smooth enough in the pose for the optimisers) and a
/// binary mask. Closed, consistently oriented meshes are filled from their contour edges only (the edges between a
/// triangle projected counter-clockwise and one projected clockwise) with the nonzero winding rule: the region so
/// bounded is exactly the union of the triangles of one orientation, which for a closed surface is the whole
/// silhouette, and it costs a few hundred edges instead of every triangle. Other meshes OR every triangle's spans.
/// Not thread-safe: one instance per thread; buffers are reused between calls.
/// </summary>
public sealed class SilhouetteRasterizer
{
    private const int SubRows = 4;
    private const int SubColumns = 8;
    private const float SampleWeight = 1f / (SubRows * SubColumns);

    /// <summary>Vertices closer than this to the source plane make a projection meaningless (the model is behind the source).</summary>
    private const double MinimumDepthMm = 1.0;

    private double[] _px = [];
    private double[] _py = [];
    private bool[] _counterClockwise = [];
    private float[] _weights = [];
    private readonly List<int> _weighted = [];
    private double[][] _crossX = [];
    private int[][] _crossWinding = [];
    private int[] _crossCount = [];
    private uint[] _bits = [];
    private int _width;
    private int _height;
    private RasterBounds _dirty = RasterBounds.Empty;
    private RasterBounds _bounds = RasterBounds.Empty;

    /// <summary>Rasterises <paramref name="mesh"/> under the grid projection <paramref name="gridProjection"/> (pose already composed).</summary>
    /// <returns>The silhouette's bounding box in grid pixels (empty when the model projects outside the grid).</returns>
    public RasterBounds Rasterize(MeshArrays mesh, ProjectionMatrix gridProjection, int width, int height)
    {
        Prepare(width, height);
        ProjectVertices(mesh, gridProjection);
        var extent = new Extent();
        HasWeights = mesh.VertexWeights is not null && mesh.IsClosedAndOriented;
        if (HasWeights && _weights.Length < width * height)
        {
            _weights = new float[width * height];
        }
        if (mesh.IsClosedAndOriented)
        {
            FillFromContour(mesh, ref extent);
        }
        else
        {
            var indices = mesh.Indices;
            for (var t = 0; t < indices.Length; t += 3)
            {
                AddTriangle(indices[t], indices[t + 1], indices[t + 2], ref extent);
            }
        }
        _bounds = extent.MinX > extent.MaxX ? RasterBounds.Empty : new RasterBounds(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        _dirty = _bounds;
        return _bounds;
    }

    private struct Extent()
    {
        public int MinX = int.MaxValue, MinY = int.MaxValue, MaxX = int.MinValue, MaxY = int.MinValue;

        public void Add(int x0, int x1, int subRow)
        {
            MinX = Math.Min(MinX, x0);
            MaxX = Math.Max(MaxX, x1);
            MinY = Math.Min(MinY, subRow / SubRows);
            MaxY = Math.Max(MaxY, subRow / SubRows);
        }
    }

    private void FillFromContour(MeshArrays mesh, ref Extent extent)
    {
        var triangles = mesh.TriangleCount;
        if (_counterClockwise.Length < triangles)
        {
            _counterClockwise = new bool[triangles];
        }
        var indices = mesh.Indices;
        for (var t = 0; t < triangles; t++)
        {
            int a = indices[3 * t], b = indices[3 * t + 1], c = indices[3 * t + 2];
            _counterClockwise[t] = (_px[b] - _px[a]) * (_py[c] - _py[a]) - (_px[c] - _px[a]) * (_py[b] - _py[a]) > 0;
        }
        var subRows = _height * SubRows;
        if (_crossCount.Length < subRows)
        {
            Array.Resize(ref _crossX, subRows);
            Array.Resize(ref _crossWinding, subRows);
            _crossCount = new int[subRows];
        }
        int firstRow = int.MaxValue, lastRow = -1;
        for (var e = 0; e < mesh.EdgeFrom.Length; e++)
        {
            bool left = _counterClockwise[mesh.EdgeLeft[e]], right = _counterClockwise[mesh.EdgeRight[e]];
            if (left != right)
            {
                // Orient the contour edge as its counter-clockwise triangle has it.
                var (from, to) = left ? (mesh.EdgeFrom[e], mesh.EdgeTo[e]) : (mesh.EdgeTo[e], mesh.EdgeFrom[e]);
                AddCrossings(from, to, subRows, ref firstRow, ref lastRow);
                if (HasWeights)
                {
                    SplatWeight(from, to, mesh.VertexWeights![from], mesh.VertexWeights[to]);
                }
            }
        }
        for (var s = firstRow; s <= lastRow; s++)
        {
            var n = _crossCount[s];
            if (n == 0)
            {
                continue;
            }
            _crossCount[s] = 0;
            var xs = _crossX[s];
            var ws = _crossWinding[s];
            SortCrossings(xs, ws, n);
            var winding = 0;
            var start = 0.0;
            for (var i = 0; i < n; i++)
            {
                var before = winding;
                winding += ws[i];
                if (before == 0 && winding != 0)
                {
                    start = xs[i];
                }
                else if (before != 0 && winding == 0 && SetSpan(s, start, xs[i], out var x0, out var x1))
                {
                    extent.Add(x0, x1, s);
                }
            }
        }
    }

    /// <summary>Records where edge from -> to crosses each sub-row it spans (half-open in y, so shared vertices count once).</summary>
    private void AddCrossings(int from, int to, int subRows, ref int firstRow, ref int lastRow)
    {
        double x0 = _px[from], y0 = _py[from], x1 = _px[to], y1 = _py[to];
        if (y0 == y1)
        {
            return;
        }
        var winding = y1 > y0 ? 1 : -1;
        if (y0 > y1)
        {
            (x0, y0, x1, y1) = (x1, y1, x0, y0);
        }
        var first = Math.Max(0, (int)Math.Ceiling((y0 + 0.5) * SubRows - 0.5));
        var last = Math.Min(subRows - 1, (int)Math.Ceiling((y1 + 0.5) * SubRows - 0.5) - 1);
        var slope = (x1 - x0) / (y1 - y0);
        for (var s = first; s <= last; s++)
        {
            var n = _crossCount[s];
            if (_crossX[s] is null || n == _crossX[s].Length)
            {
                Array.Resize(ref _crossX[s], Math.Max(8, 2 * n));
                Array.Resize(ref _crossWinding[s], Math.Max(8, 2 * n));
            }
            _crossX[s][n] = x0 + (-0.5 + (s + 0.5) / SubRows - y0) * slope;
            _crossWinding[s][n] = winding;
            _crossCount[s] = n + 1;
        }
        if (first <= last)
        {
            firstRow = Math.Min(firstRow, first);
            lastRow = Math.Max(lastRow, last);
        }
    }

    /// <summary>Marks the pixels a contour edge passes through with its weight (linear between the vertices, half-pixel steps).</summary>
    private void SplatWeight(int from, int to, float wFrom, float wTo)
    {
        if (wFrom == 0 && wTo == 0)
        {
            return;
        }
        double x0 = _px[from], y0 = _py[from], x1 = _px[to], y1 = _py[to];
        var steps = Math.Max(1, (int)Math.Ceiling(2 * Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0))));
        for (var k = 0; k <= steps; k++)
        {
            var t = (double)k / steps;
            var x = (int)Math.Round(x0 + (x1 - x0) * t);
            var y = (int)Math.Round(y0 + (y1 - y0) * t);
            if ((uint)x < (uint)_width && (uint)y < (uint)_height)
            {
                var i = y * _width + x;
                var w = (float)(wFrom + (wTo - wFrom) * t);
                if (w > _weights[i])
                {
                    if (_weights[i] == 0)
                    {
                        _weighted.Add(i);
                    }
                    _weights[i] = w;
                }
            }
        }
    }

    /// <summary>Insertion sort by x (a sub-row has a handful of crossings); equal x keep their order.</summary>
    private static void SortCrossings(double[] xs, int[] ws, int n)
    {
        for (var i = 1; i < n; i++)
        {
            var (x, w) = (xs[i], ws[i]);
            var j = i - 1;
            while (j >= 0 && xs[j] > x)
            {
                xs[j + 1] = xs[j];
                ws[j + 1] = ws[j];
                j--;
            }
            xs[j + 1] = x;
            ws[j + 1] = w;
        }
    }

    /// <summary>True when the last rasterised mesh had vertex weights: <see cref="WeightNear"/> then says how much each outline pixel counts.</summary>
    public bool HasWeights { get; private set; }

    /// <summary>The largest contour weight within <paramref name="radius"/> pixels of (x, y); 1 for unweighted meshes.</summary>
    public float WeightNear(int x, int y, int radius)
    {
        if (!HasWeights)
        {
            return 1;
        }
        var best = 0f;
        for (var yy = Math.Max(0, y - radius); yy <= Math.Min(_height - 1, y + radius); yy++)
        {
            for (var xx = Math.Max(0, x - radius); xx <= Math.Min(_width - 1, x + radius); xx++)
            {
                best = Math.Max(best, _weights[yy * _width + xx]);
            }
        }
        return best;
    }

    private void Prepare(int width, int height)
    {
        foreach (var i in _weighted)
        {
            if (i < _weights.Length)
            {
                _weights[i] = 0;
            }
        }
        _weighted.Clear();
        if (_bits.Length < width * height)
        {
            _bits = new uint[width * height];
            _dirty = RasterBounds.Empty;
        }
        else if (width != _width || height != _height)
        {
            Array.Clear(_bits);
            _dirty = RasterBounds.Empty;
        }
        else
        {
            for (var y = _dirty.MinY; y <= _dirty.MaxY; y++)
            {
                Array.Clear(_bits, y * width + _dirty.MinX, _dirty.Width);
            }
        }
        (_width, _height) = (width, height);
    }

    private void ProjectVertices(MeshArrays mesh, ProjectionMatrix p)
    {
        var n = mesh.VertexCount;
        if (_px.Length < n)
        {
            _px = new double[n];
            _py = new double[n];
        }
        double p00 = p[0, 0], p01 = p[0, 1], p02 = p[0, 2], p03 = p[0, 3];
        double p10 = p[1, 0], p11 = p[1, 1], p12 = p[1, 2], p13 = p[1, 3];
        double p20 = p[2, 0], p21 = p[2, 1], p22 = p[2, 2], p23 = p[2, 3];
        for (var i = 0; i < n; i++)
        {
            double x = mesh.X[i], y = mesh.Y[i], z = mesh.Z[i];
            var w = p20 * x + p21 * y + p22 * z + p23;
            if (w < MinimumDepthMm)
            {
                throw new InvalidOperationException($"Model vertex {i} lies {w:0.#} mm from the X-ray source along the beam: the pose puts the model behind the source.");
            }
            _px[i] = (p00 * x + p01 * y + p02 * z + p03) / w;
            _py[i] = (p10 * x + p11 * y + p12 * z + p13) / w;
        }
    }

    private void AddTriangle(int ia, int ib, int ic, ref Extent extent)
    {
        double xa = _px[ia], ya = _py[ia], xb = _px[ib], yb = _py[ib], xc = _px[ic], yc = _py[ic];
        // Sort by y so that a is the top vertex and c the bottom one.
        if (ya > yb) { (xa, ya, xb, yb) = (xb, yb, xa, ya); }
        if (yb > yc) { (xb, yb, xc, yc) = (xc, yc, xb, yb); }
        if (ya > yb) { (xa, ya, xb, yb) = (xb, yb, xa, ya); }
        if (yc - ya < 1e-12)
        {
            return;
        }
        // Global sub-row s samples y = -0.5 + (s + 0.5) / SubRows.
        var first = Math.Max(0, (int)Math.Ceiling((ya + 0.5) * SubRows - 0.5));
        var last = Math.Min(_height * SubRows - 1, (int)Math.Floor((yc + 0.5) * SubRows - 0.5));
        var slopeAc = (xc - xa) / (yc - ya);
        for (var s = first; s <= last; s++)
        {
            var y = -0.5 + (s + 0.5) / SubRows;
            var xLong = xa + (y - ya) * slopeAc;
            var xShort = y < yb
                ? (yb - ya < 1e-12 ? xb : xa + (y - ya) * (xb - xa) / (yb - ya))
                : (yc - yb < 1e-12 ? xb : xb + (y - yb) * (xc - xb) / (yc - yb));
            if (SetSpan(s, Math.Min(xLong, xShort), Math.Max(xLong, xShort), out var x0, out var x1))
            {
                extent.Add(x0, x1, s);
            }
        }
    }

    /// <summary>Sets the sub-samples of sub-row <paramref name="s"/> whose x lies in [lo, hi]; sample k sits at x = -0.5 + (k + 0.5) / 8.</summary>
    private bool SetSpan(int s, double lo, double hi, out int firstPixel, out int lastPixel)
    {
        var first = Math.Max(0, (int)Math.Ceiling((lo + 0.5) * SubColumns - 0.5));
        var last = Math.Min(_width * SubColumns - 1, (int)Math.Floor((hi + 0.5) * SubColumns - 0.5));
        firstPixel = first / SubColumns;
        lastPixel = last / SubColumns;
        if (last < first)
        {
            return false;
        }
        var shift = s % SubRows * 8;
        var row = s / SubRows * _width;
        if (firstPixel == lastPixel)
        {
            _bits[row + firstPixel] |= ((0xFFu >> (7 - (last - first))) << (first % SubColumns)) << shift;
            return true;
        }
        _bits[row + firstPixel] |= ((0xFFu << (first % SubColumns)) & 0xFFu) << shift;
        var full = 0xFFu << shift;
        for (var x = firstPixel + 1; x < lastPixel; x++)
        {
            _bits[row + x] |= full;
        }
        _bits[row + lastPixel] |= (0xFFu >> (7 - last % SubColumns)) << shift;
        return true;
    }

    /// <summary>
    /// Writes the covered fraction of each pixel (0..1, in 1/32 steps) into <paramref name="coverage"/> inside the
    /// silhouette's bounds; with <paramref name="clear"/> false the caller guarantees the rest is already zero.
    /// </summary>
    public void FillCoverage(Span<float> coverage, int width, bool clear = true)
    {
        if (clear)
        {
            coverage.Clear();
        }
        for (var y = _bounds.MinY; y <= _bounds.MaxY; y++)
        {
            for (var x = _bounds.MinX; x <= _bounds.MaxX; x++)
            {
                coverage[y * width + x] = System.Numerics.BitOperations.PopCount(_bits[y * width + x]) * SampleWeight;
            }
        }
    }

    /// <summary>Writes the binary mask (1 where at least half of a pixel is covered) into <paramref name="mask"/>.</summary>
    public void FillMask(Span<byte> mask, int width)
    {
        mask.Clear();
        for (var y = _bounds.MinY; y <= _bounds.MaxY; y++)
        {
            for (var x = _bounds.MinX; x <= _bounds.MaxX; x++)
            {
                mask[y * width + x] = (byte)(System.Numerics.BitOperations.PopCount(_bits[y * width + x]) >= SubRows * SubColumns / 2 ? 1 : 0);
            }
        }
    }
}

/// <summary>An inclusive pixel rectangle; <see cref="IsEmpty"/> when nothing was drawn.</summary>
public readonly record struct RasterBounds(int MinX, int MinY, int MaxX, int MaxY)
{
    public static readonly RasterBounds Empty = new(0, 0, -1, -1);
    public bool IsEmpty => MaxX < MinX || MaxY < MinY;
    public int Width => IsEmpty ? 0 : MaxX - MinX + 1;
    public int Height => IsEmpty ? 0 : MaxY - MinY + 1;

    public RasterBounds Inflate(int pixels, int width, int height) => IsEmpty
        ? this
        : new(Math.Max(0, MinX - pixels), Math.Max(0, MinY - pixels), Math.Min(width - 1, MaxX + pixels), Math.Min(height - 1, MaxY + pixels));
}
