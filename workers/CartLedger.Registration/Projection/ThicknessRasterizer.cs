using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// The projected thickness of a closed mesh (a "mesh DRR", Kaiser 2013): for every pixel the length, mm, of the ray
/// from the source through the pixel centre inside the model. Each triangle adds its perspective-correct depth along
/// the beam with the sign of its projected orientation (a ray leaves through one facing and enters through the other),
/// and the sum is turned into a length along the pixel's ray. For a homogeneous model this is its line integral up to
/// the attenuation coefficient, so near the outline it falls like the chord of a rounded body (a square root) as the
/// real heart shadow does, not like a step. Pixel centres on a shared edge follow the top-left rule, so no pixel is
/// counted twice. Not thread-safe; buffers are reused.
/// </summary>
public sealed class ThicknessRasterizer
{
    private double[] _px = [];
    private double[] _py = [];
    private double[] _inverseDepth = [];
    private double[] _sum = [];

    /// <summary>
    /// Rasterises into <paramref name="thicknessMm"/> (length <paramref name="width"/> x <paramref name="height"/>) and
    /// returns the bounding box of non-zero pixels. The mesh must be closed and consistently oriented (see <see cref="MeshArrays"/>).
    /// </summary>
    public RasterBounds Render(MeshArrays mesh, ProjectionMatrix gridProjection, int width, int height, Span<float> thicknessMm)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (!mesh.IsClosedAndOriented)
        {
            throw new ArgumentException("Thickness needs a closed, consistently oriented surface (or one whose boundary loops can be capped).", nameof(mesh));
        }
        var n = width * height;
        if (_sum.Length < n)
        {
            _sum = new double[n];
        }
        Project(mesh, gridProjection);
        int minX = width, minY = height, maxX = -1, maxY = -1;
        var indices = mesh.Indices;
        for (var t = 0; t < indices.Length; t += 3)
        {
            AddTriangle(indices[t], indices[t + 1], indices[t + 2], width, height, ref minX, ref minY, ref maxX, ref maxY);
        }
        thicknessMm.Clear();
        if (maxX < 0)
        {
            return RasterBounds.Empty;
        }
        var inverse = Inverse3(gridProjection);
        for (var y = minY; y <= maxY; y++)
        {
            for (var x = minX; x <= maxX; x++)
            {
                var i = y * width + x;
                // The ray through (x, y) is M^-1 (x, y, 1) per unit of depth: its length turns depth into distance.
                double dx = inverse.M00 * x + inverse.M01 * y + inverse.M02, dy = inverse.M10 * x + inverse.M11 * y + inverse.M12, dz = inverse.M20 * x + inverse.M21 * y + inverse.M22;
                thicknessMm[i] = (float)Math.Max(0, Math.Abs(_sum[i]) * Math.Sqrt(dx * dx + dy * dy + dz * dz));
                _sum[i] = 0;
            }
        }
        return new RasterBounds(minX, minY, maxX, maxY);
    }

    private void Project(MeshArrays mesh, ProjectionMatrix p)
    {
        var count = mesh.VertexCount;
        if (_px.Length < count)
        {
            _px = new double[count];
            _py = new double[count];
            _inverseDepth = new double[count];
        }
        for (var i = 0; i < count; i++)
        {
            var q = p.Project(new Vec3(mesh.X[i], mesh.Y[i], mesh.Z[i]), out var w);
            if (w < 1)
            {
                throw new InvalidOperationException($"Model vertex {i} lies {w:0.#} mm from the X-ray source along the beam: the pose puts the model behind the source.");
            }
            (_px[i], _py[i], _inverseDepth[i]) = (q.X, q.Y, 1 / w);
        }
    }

    private void AddTriangle(int a, int b, int c, int width, int height, ref int minX, ref int minY, ref int maxX, ref int maxY)
    {
        var area = (_px[b] - _px[a]) * (_py[c] - _py[a]) - (_px[c] - _px[a]) * (_py[b] - _py[a]);
        if (area == 0)
        {
            return;
        }
        // Normalise to positive area; the sign says whether the ray enters or leaves here.
        var sign = area > 0 ? 1.0 : -1.0;
        if (area < 0)
        {
            (b, c) = (c, b);
            area = -area;
        }
        int x0 = Math.Max(0, (int)Math.Ceiling(Math.Min(_px[a], Math.Min(_px[b], _px[c])))), x1 = Math.Min(width - 1, (int)Math.Floor(Math.Max(_px[a], Math.Max(_px[b], _px[c]))));
        int y0 = Math.Max(0, (int)Math.Ceiling(Math.Min(_py[a], Math.Min(_py[b], _py[c])))), y1 = Math.Min(height - 1, (int)Math.Floor(Math.Max(_py[a], Math.Max(_py[b], _py[c]))));
        if (x1 < x0 || y1 < y0)
        {
            return;
        }
        var inverseArea = 1 / area;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var wa = Edge(b, c, x, y);
                var wb = Edge(c, a, x, y);
                var wc = Edge(a, b, x, y);
                if (Inside(wa, b, c) && Inside(wb, c, a) && Inside(wc, a, b))
                {
                    var inverseDepth = (wa * _inverseDepth[a] + wb * _inverseDepth[b] + wc * _inverseDepth[c]) * inverseArea;
                    _sum[y * width + x] += sign / inverseDepth;
                }
            }
        }
        minX = Math.Min(minX, x0);
        minY = Math.Min(minY, y0);
        maxX = Math.Max(maxX, x1);
        maxY = Math.Max(maxY, y1);
    }

    /// <summary>Twice the signed area of (u, v, p): positive when p lies left of u -> v in a positive-area triangle.</summary>
    private double Edge(int u, int v, double x, double y) => (_px[v] - _px[u]) * (y - _py[u]) - (x - _px[u]) * (_py[v] - _py[u]);

    /// <summary>Inside, or on a top or left edge (the top-left fill rule for a triangle of positive area).</summary>
    private bool Inside(double value, int u, int v)
    {
        if (value != 0)
        {
            return value > 0;
        }
        double dx = _px[v] - _px[u], dy = _py[v] - _py[u];
        return dy < 0 || (dy == 0 && dx > 0);
    }

    private static Mat3 Inverse3(ProjectionMatrix p)
    {
        var m = new Mat3(p[0, 0], p[0, 1], p[0, 2], p[1, 0], p[1, 1], p[1, 2], p[2, 0], p[2, 1], p[2, 2]);
        var det = m.Determinant;
        return new Mat3(
            (m.M11 * m.M22 - m.M12 * m.M21) / det, (m.M02 * m.M21 - m.M01 * m.M22) / det, (m.M01 * m.M12 - m.M02 * m.M11) / det,
            (m.M12 * m.M20 - m.M10 * m.M22) / det, (m.M00 * m.M22 - m.M02 * m.M20) / det, (m.M02 * m.M10 - m.M00 * m.M12) / det,
            (m.M10 * m.M21 - m.M11 * m.M20) / det, (m.M01 * m.M20 - m.M00 * m.M21) / det, (m.M00 * m.M11 - m.M01 * m.M10) / det);
    }
}
