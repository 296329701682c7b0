using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Similarity;

/// <summary>
/// The projected model as the metrics see it, kept sparse: the pixels of its (smoothed) edge band with their gradients,
/// and the pixels it covers with their coverage. A 128x128 LV projection has a few hundred edge pixels, so a metric
/// evaluation costs microseconds instead of a pass over the whole image. Rebuilt in place for every pose by
/// <see cref="Build"/>; not thread-safe (one per thread).
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

    public MovingFeatures(MetricSettings settings)
    {
        _settings = settings;
        _kernel = ImageFilters.GaussianKernel(settings.MovingSmoothingPx);
        // Scaled so that a unit step edge has peak gradient 1, like a strong X-ray edge after FixedFeatures' scaling.
        _edgeScale = 1f / ImageFilters.UnitStepPeakGradient(settings.MovingSmoothingPx);
    }

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
        var n = width * height;
        if (_coverage.Length != n)
        {
            _coverage = new float[n];
            _smooth = new float[n];
            _scratch = new float[n];
            _gx = new float[n];
            _gy = new float[n];
        }
        rasterizer.FillCoverage(_coverage, width);
        Bounds = bounds;
        EdgeCount = 0;
        CoveredCount = 0;
        if (bounds.IsEmpty)
        {
            return;
        }
        CollectCovered(bounds, width);
        var band = bounds.Inflate(_kernel.Length / 2 + 1, width, height);
        ImageFilters.Gaussian(_coverage, _smooth, _scratch, width, height, _kernel, band.MinX, band.MinY, band.MaxX, band.MaxY);
        ClearOutside(band, width, height);
        ImageFilters.Sobel(_smooth, _gx, _gy, width, height, band.MinX, band.MinY, band.MaxX, band.MaxY);
        CollectEdges(band, width);
    }

    /// <summary>The Sobel pass reads one pixel beyond the band: keep that ring zero, as the coverage is there.</summary>
    private void ClearOutside(RasterBounds band, int width, int height)
    {
        for (var y = Math.Max(0, band.MinY - 1); y <= Math.Min(height - 1, band.MaxY + 1); y++)
        {
            for (var x = Math.Max(0, band.MinX - 1); x <= Math.Min(width - 1, band.MaxX + 1); x++)
            {
                if (x < band.MinX || x > band.MaxX || y < band.MinY || y > band.MaxY)
                {
                    _smooth[y * width + x] = 0;
                }
            }
        }
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

    private void CollectEdges(RasterBounds band, int width)
    {
        Ensure(band.Width * band.Height, covered: false);
        for (var y = band.MinY; y <= band.MaxY; y++)
        {
            for (var x = band.MinX; x <= band.MaxX; x++)
            {
                var i = y * width + x;
                if (_gx[i] != 0 || _gy[i] != 0)
                {
                    EdgeX[EdgeCount] = x;
                    EdgeY[EdgeCount] = y;
                    EdgeGx[EdgeCount] = _gx[i] * _edgeScale;
                    EdgeGy[EdgeCount++] = _gy[i] * _edgeScale;
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
            EdgeX = new int[capacity];
            EdgeY = new int[capacity];
            EdgeGx = new float[capacity];
            EdgeGy = new float[capacity];
        }
    }

    public MetricSettings Settings => _settings;
}
