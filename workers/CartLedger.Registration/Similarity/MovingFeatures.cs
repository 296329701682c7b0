using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Similarity;

/// <summary>
/// The projected model as the metrics see it, kept sparse: the pixels of its edge band with their gradients, and the
/// pixels it covers with their coverage. A 128x128 LV projection has a few hundred edge pixels, so a metric evaluation
/// costs microseconds instead of a pass over the whole image. Rebuilt in place for every pose by <see cref="Build"/>;
/// not thread-safe (one per thread). Without moving smoothing (the default) only the 3x3 neighbourhoods of the
/// silhouette's partly covered pixels are filtered: the Sobel gradient is exactly zero everywhere else.
/// </summary>
public sealed class MovingFeatures
{
    private readonly MetricSettings _settings;
    private readonly float[] _kernel;
    private readonly float _edgeScale;
    private float[] _coverage = [];
    private float[] _smooth = [];
    private float[] _scratch = [];
    private float[] _gx = [];
    private float[] _gy = [];
    private int[] _visited = [];
    private int _stamp;
    private RasterBounds _written = RasterBounds.Empty;
    private SilhouetteRasterizer? _rasterizer;

    public MovingFeatures(MetricSettings settings)
    {
        _settings = settings;
        _kernel = ImageFilters.GaussianKernel(settings.MovingSmoothingPx);
        // Scaled so that a unit step edge has peak gradient 1, like a strong X-ray edge after FixedFeatures' scaling.
        _edgeScale = 1f / ImageFilters.UnitStepPeakGradient(settings.MovingSmoothingPx);
    }

    public MetricSettings Settings => _settings;

    public int EdgeCount { get; private set; }
    public int[] EdgeX { get; private set; } = [];
    public int[] EdgeY { get; private set; } = [];
    public float[] EdgeGx { get; private set; } = [];
    public float[] EdgeGy { get; private set; } = [];

    public int CoveredCount { get; private set; }
    public int[] CoveredX { get; private set; } = [];
    public int[] CoveredY { get; private set; } = [];
    public float[] CoveredValue { get; private set; } = [];

    /// <summary>The silhouette's bounding box on the grid.</summary>
    public RasterBounds Bounds { get; private set; }

    /// <summary>Rebuilds the features from the rasteriser's last silhouette on a grid of the given size.</summary>
    public void Build(SilhouetteRasterizer rasterizer, RasterBounds bounds, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rasterizer);
        _rasterizer = rasterizer;
        var n = width * height;
        if (_coverage.Length != n)
        {
            _coverage = new float[n];
            _smooth = _kernel.Length > 1 ? new float[n] : _coverage;
            _scratch = new float[n];
            _gx = new float[n];
            _gy = new float[n];
            _visited = new int[n];
            _written = RasterBounds.Empty;
        }
        ClearRegion(_coverage, _written, width);
        rasterizer.FillCoverage(_coverage, width, clear: false);
        _written = bounds;
        Bounds = bounds;
        EdgeCount = 0;
        CoveredCount = 0;
        if (bounds.IsEmpty)
        {
            return;
        }
        CollectCovered(bounds, width);
        if (_kernel.Length > 1)
        {
            SmoothedEdges(bounds, width, height);
        }
        else
        {
            SharpEdges(bounds, width, height);
        }
    }

    /// <summary>
    /// Rebuilds the features from any moving image (e.g. the model's projected thickness) that is zero outside
    /// <paramref name="bounds"/>: Sobel over the box grown by one pixel (after the moving smoothing, if any), gradients
    /// scaled so that their 95th percentile is 1 (the scale of a strong X-ray edge after <see cref="FixedFeatures"/>).
    /// </summary>
    public void BuildFromImage(float[] image, RasterBounds bounds, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        _rasterizer = null;
        var n = width * height;
        if (_coverage.Length != n)
        {
            _coverage = new float[n];
            _smooth = new float[n];
            _scratch = new float[n];
            _gx = new float[n];
            _gy = new float[n];
            _visited = new int[n];
        }
        Bounds = bounds;
        EdgeCount = 0;
        CoveredCount = 0;
        if (bounds.IsEmpty)
        {
            return;
        }
        Array.Copy(image, _coverage, n);
        _written = RasterBounds.Empty;
        CollectCovered(bounds, width);
        var band = bounds.Inflate(_kernel.Length / 2 + 1, width, height);
        var source = _coverage;
        if (_kernel.Length > 1)
        {
            ImageFilters.Gaussian(_coverage, _smooth, _scratch, width, height, _kernel, band.MinX, band.MinY, band.MaxX, band.MaxY);
            source = _smooth;
        }
        ImageFilters.Sobel(source, _gx, _gy, width, height, band.MinX, band.MinY, band.MaxX, band.MaxY);
        Ensure(band.Width * band.Height, covered: false);
        var magnitudes = new List<float>(band.Width * band.Height);
        for (var y = band.MinY; y <= band.MaxY; y++)
        {
            for (var x = band.MinX; x <= band.MaxX; x++)
            {
                var i = y * width + x;
                if (_gx[i] != 0 || _gy[i] != 0)
                {
                    magnitudes.Add(MathF.Sqrt(_gx[i] * _gx[i] + _gy[i] * _gy[i]));
                }
            }
        }
        magnitudes.Sort();
        var scale = magnitudes.Count > 0 && magnitudes[(int)(0.95 * (magnitudes.Count - 1))] > 0 ? 1f / magnitudes[(int)(0.95 * (magnitudes.Count - 1))] : 1f;
        for (var y = band.MinY; y <= band.MaxY; y++)
        {
            for (var x = band.MinX; x <= band.MaxX; x++)
            {
                var i = y * width + x;
                if (_gx[i] != 0 || _gy[i] != 0)
                {
                    EdgeX[EdgeCount] = x;
                    EdgeY[EdgeCount] = y;
                    EdgeGx[EdgeCount] = _gx[i] * scale;
                    EdgeGy[EdgeCount++] = _gy[i] * scale;
                }
            }
        }
        // The next Build must clear the whole copied image, not just a silhouette box.
        _written = new RasterBounds(0, 0, width - 1, height - 1);
    }

    private static void ClearRegion(float[] image, RasterBounds region, int width)
    {
        for (var y = region.MinY; y <= region.MaxY; y++)
        {
            Array.Clear(image, y * width + region.MinX, region.Width);
        }
    }

    /// <summary>Sobel at the 3x3 neighbourhood of every partly covered pixel or covered pixel beside an empty one.</summary>
    private void SharpEdges(RasterBounds bounds, int width, int height)
    {
        Ensure(8 * (bounds.Width + bounds.Height) + 64, covered: false);
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_visited);
            _stamp = 1;
        }
        for (var y = bounds.MinY; y <= bounds.MaxY; y++)
        {
            for (var x = bounds.MinX; x <= bounds.MaxX; x++)
            {
                var c = _coverage[y * width + x];
                if (c == 0 || (c == 1 && !BesideUncovered(x, y, width, height)))
                {
                    continue;
                }
                for (var yy = Math.Max(0, y - 1); yy <= Math.Min(height - 1, y + 1); yy++)
                {
                    for (var xx = Math.Max(0, x - 1); xx <= Math.Min(width - 1, x + 1); xx++)
                    {
                        var i = yy * width + xx;
                        if (_visited[i] != _stamp)
                        {
                            _visited[i] = _stamp;
                            ImageFilters.Sobel(_coverage, _gx, _gy, width, height, xx, yy, xx, yy);
                            AddEdge(xx, yy, _gx[i], _gy[i]);
                        }
                    }
                }
            }
        }
    }

    private bool BesideUncovered(int x, int y, int width, int height) =>
        x == 0 || y == 0 || x == width - 1 || y == height - 1 ||
        _coverage[y * width + x - 1] == 0 || _coverage[y * width + x + 1] == 0 ||
        _coverage[(y - 1) * width + x] == 0 || _coverage[(y + 1) * width + x] == 0;

    /// <summary>With moving smoothing: Gaussian and Sobel over the silhouette's box grown by the kernel radius.</summary>
    private void SmoothedEdges(RasterBounds bounds, int width, int height)
    {
        var band = bounds.Inflate(_kernel.Length / 2 + 1, width, height);
        ImageFilters.Gaussian(_coverage, _smooth, _scratch, width, height, _kernel, band.MinX, band.MinY, band.MaxX, band.MaxY);
        // The Sobel pass reads one pixel beyond the band, where the smoothed image is zero.
        var ring = band.Inflate(1, width, height);
        for (var y = ring.MinY; y <= ring.MaxY; y++)
        {
            for (var x = ring.MinX; x <= ring.MaxX; x++)
            {
                if (x < band.MinX || x > band.MaxX || y < band.MinY || y > band.MaxY)
                {
                    _smooth[y * width + x] = 0;
                }
            }
        }
        ImageFilters.Sobel(_smooth, _gx, _gy, width, height, band.MinX, band.MinY, band.MaxX, band.MaxY);
        Ensure(band.Width * band.Height, covered: false);
        for (var y = band.MinY; y <= band.MaxY; y++)
        {
            for (var x = band.MinX; x <= band.MaxX; x++)
            {
                AddEdge(x, y, _gx[y * width + x], _gy[y * width + x]);
            }
        }
    }

    /// <summary>Keeps a non-zero gradient, scaled by the outline's visibility weight nearby (the Sobel band is 1 pixel
    /// beyond the partly covered pixels the contour crosses; smoothing widens it by the kernel radius).</summary>
    private void AddEdge(int x, int y, float gx, float gy)
    {
        if (gx == 0 && gy == 0)
        {
            return;
        }
        var weight = _rasterizer!.WeightNear(x, y, 1 + _kernel.Length / 2);
        if (weight == 0)
        {
            return;
        }
        gx *= weight;
        gy *= weight;
        if (EdgeCount == EdgeX.Length)
        {
            Ensure(2 * EdgeCount, covered: false);
        }
        EdgeX[EdgeCount] = x;
        EdgeY[EdgeCount] = y;
        EdgeGx[EdgeCount] = gx * _edgeScale;
        EdgeGy[EdgeCount++] = gy * _edgeScale;
    }

    private void CollectCovered(RasterBounds bounds, int width)
    {
        Ensure(bounds.Width * bounds.Height, covered: true);
        for (var y = bounds.MinY; y <= bounds.MaxY; y++)
        {
            for (var x = bounds.MinX; x <= bounds.MaxX; x++)
            {
                var c = _coverage[y * width + x];
                if (c != 0)
                {
                    CoveredX[CoveredCount] = x;
                    CoveredY[CoveredCount] = y;
                    CoveredValue[CoveredCount++] = c;
                }
            }
        }
    }

    private void Ensure(int capacity, bool covered)
    {
        if (covered && CoveredX.Length < capacity)
        {
            CoveredX = new int[capacity];
            CoveredY = new int[capacity];
            CoveredValue = new float[capacity];
        }
        else if (!covered && EdgeX.Length < capacity)
        {
            var n = EdgeCount;
            EdgeX = Grow(EdgeX, capacity, n);
            EdgeY = Grow(EdgeY, capacity, n);
            EdgeGx = Grow(EdgeGx, capacity, n);
            EdgeGy = Grow(EdgeGy, capacity, n);
        }
    }

    private static T[] Grow<T>(T[] array, int capacity, int keep)
    {
        var grown = new T[capacity];
        Array.Copy(array, grown, keep);
        return grown;
    }
}
