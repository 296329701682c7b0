using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// Projects a triangle mesh and rasterises the union of its triangles (the silhouette of the model) onto a
/// <see cref="PixelGrid"/>. Each scanline is stored as merged x-intervals in continuous pixel coordinates, so one pass
/// gives a binary mask at pixel centres, an anti-aliased coverage image (sub-rows times exact horizontal overlap,
/// continuous in the pose, which the optimisers need) and row runs.
/// Not thread-safe: one instance per thread; buffers are reused between calls so that a registration does not
/// allocate per pose.
/// </summary>
public sealed class SilhouetteRasterizer(int subRowsPerPixel = 4)
{
    /// <summary>Vertices closer than this to the source plane make a projection meaningless (the model is behind the source).</summary>
    private const double MinimumDepthMm = 1.0;

    private readonly int _subRows = subRowsPerPixel >= 1 ? subRowsPerPixel : throw new ArgumentOutOfRangeException(nameof(subRowsPerPixel));
    private double[] _px = [];
    private double[] _py = [];
    private double[][] _lo = [];
    private double[][] _hi = [];
    private int[] _count = [];
    private int _rows;

    public int SubRowsPerPixel => _subRows;

    /// <summary>Rasterises <paramref name="mesh"/> under the grid projection <paramref name="gridProjection"/> (pose already composed).</summary>
    /// <returns>The silhouette's bounding box in grid pixels (empty when the model projects outside the grid).</returns>
    public RasterBounds Rasterize(MeshArrays mesh, ProjectionMatrix gridProjection, int width, int height)
    {
        ProjectVertices(mesh, gridProjection);
        Prepare(height * _subRows);
        var k = (double)_subRows;
        var indices = mesh.Indices;
        for (var t = 0; t < indices.Length; t += 3)
        {
            AddTriangle(indices[t], indices[t + 1], indices[t + 2], k, width);
        }
        return MergeRows(width);
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

    private void Prepare(int rows)
    {
        if (_lo.Length < rows)
        {
            Array.Resize(ref _lo, rows);
            Array.Resize(ref _hi, rows);
            Array.Resize(ref _count, rows);
            for (var r = 0; r < rows; r++)
            {
                _lo[r] ??= new double[16];
                _hi[r] ??= new double[16];
            }
        }
        _rows = rows;
        Array.Clear(_count, 0, rows);
    }

    private void AddTriangle(int ia, int ib, int ic, double k, int width)
    {
        double xa = _px[ia], ya = _py[ia], xb = _px[ib], yb = _py[ib], xc = _px[ic], yc = _py[ic];
        // Sort by y so that a is the top vertex and c the bottom one.
        if (ya > yb) { (xa, ya, xb, yb) = (xb, yb, xa, ya); }
        if (yb > yc) { (xb, yb, xc, yc) = (xc, yc, xb, yb); }
        if (ya > yb) { (xa, ya, xb, yb) = (xb, yb, xa, ya); }
        if (yc - ya < 1e-12 || Math.Max(xa, Math.Max(xb, xc)) < -0.5 || Math.Min(xa, Math.Min(xb, xc)) > width - 0.5)
        {
            return;
        }
        // Sub-row s samples y = -0.5 + (s + 0.5) / k.
        var first = Math.Max(0, (int)Math.Ceiling((ya + 0.5) * k - 0.5));
        var last = Math.Min(_rows - 1, (int)Math.Floor((yc + 0.5) * k - 0.5));
        var slopeAc = (xc - xa) / (yc - ya);
        for (var s = first; s <= last; s++)
        {
            var y = -0.5 + (s + 0.5) / k;
            var xLong = xa + (y - ya) * slopeAc;
            var xShort = y < yb
                ? (yb - ya < 1e-12 ? xb : xa + (y - ya) * (xb - xa) / (yb - ya))
                : (yc - yb < 1e-12 ? xb : xb + (y - yb) * (xc - xb) / (yc - yb));
            Push(s, Math.Min(xLong, xShort), Math.Max(xLong, xShort));
        }
    }

    private void Push(int row, double lo, double hi)
    {
        var n = _count[row];
        if (n == _lo[row].Length)
        {
            Array.Resize(ref _lo[row], n * 2);
            Array.Resize(ref _hi[row], n * 2);
        }
        _lo[row][n] = lo;
        _hi[row][n] = hi;
        _count[row] = n + 1;
    }

    /// <summary>Sorts each row's intervals and merges overlaps in place: what remains is the union, left to right.</summary>
    private RasterBounds MergeRows(int width)
    {
        int minX = int.MaxValue, maxX = int.MinValue, minRow = int.MaxValue, maxRow = int.MinValue;
        for (var r = 0; r < _rows; r++)
        {
            var n = _count[r];
            if (n == 0)
            {
                continue;
            }
            var lo = _lo[r];
            var hi = _hi[r];
            Array.Sort(lo, hi, 0, n);
            var m = 0;
            for (var i = 1; i < n; i++)
            {
                if (lo[i] <= hi[m])
                {
                    hi[m] = Math.Max(hi[m], hi[i]);
                }
                else
                {
                    m++;
                    lo[m] = lo[i];
                    hi[m] = hi[i];
                }
            }
            _count[r] = m + 1;
            minRow = Math.Min(minRow, r);
            maxRow = Math.Max(maxRow, r);
            minX = Math.Min(minX, (int)Math.Floor(lo[0] + 0.5));
            maxX = Math.Max(maxX, (int)Math.Ceiling(hi[m] - 0.5));
        }
        if (minRow == int.MaxValue)
        {
            return RasterBounds.Empty;
        }
        return new RasterBounds(
            Math.Max(0, minX), Math.Max(0, minRow / _subRows),
            Math.Min(width - 1, maxX), Math.Min(_rows / _subRows - 1, maxRow / _subRows));
    }

    /// <summary>Writes the binary mask (1 where a pixel centre lies inside the silhouette) into <paramref name="mask"/>.</summary>
    /// <remarks>Samples the middle sub-row of each pixel row; exact at pixel centres when <see cref="SubRowsPerPixel"/> is odd.</remarks>
    public void FillMask(Span<byte> mask, int width)
    {
        mask.Clear();
        var height = _rows / _subRows;
        for (var j = 0; j < height; j++)
        {
            var r = j * _subRows + _subRows / 2;
            var row = mask.Slice(j * width, width);
            for (var i = 0; i < _count[r]; i++)
            {
                var x0 = Math.Max(0, (int)Math.Ceiling(_lo[r][i]));
                var x1 = Math.Min(width - 1, (int)Math.Floor(_hi[r][i]));
                if (x1 >= x0)
                {
                    row[x0..(x1 + 1)].Fill(1);
                }
            }
        }
    }

    /// <summary>
    /// Writes the covered fraction of each pixel (0..1) into <paramref name="coverage"/>: the mean over the sub-rows of
    /// the exact horizontal overlap of the silhouette with the pixel's extent.
    /// </summary>
    public void FillCoverage(Span<float> coverage, int width)
    {
        coverage.Clear();
        var weight = 1f / _subRows;
        for (var r = 0; r < _rows; r++)
        {
            var row = coverage.Slice(r / _subRows * width, width);
            for (var i = 0; i < _count[r]; i++)
            {
                AddSpan(row, Math.Max(_lo[r][i], -0.5), Math.Min(_hi[r][i], width - 0.5), weight);
            }
        }
    }

    private static void AddSpan(Span<float> row, double lo, double hi, float weight)
    {
        if (hi <= lo)
        {
            return;
        }
        // Pixel i covers [i - 0.5, i + 0.5).
        var first = (int)Math.Floor(lo + 0.5);
        var last = Math.Min(row.Length - 1, (int)Math.Floor(hi + 0.5));
        if (first == last)
        {
            row[first] += weight * (float)(hi - lo);
            return;
        }
        row[first] += weight * (float)(first + 0.5 - lo);
        for (var x = first + 1; x < last; x++)
        {
            row[x] += weight;
        }
        if (last > first && last < row.Length)
        {
            row[last] += weight * (float)(hi - (last - 0.5));
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
