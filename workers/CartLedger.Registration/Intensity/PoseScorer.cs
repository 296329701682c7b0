using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// Renders the model at a pose onto a level's grid and scores it against the fixed image. Owns its rasteriser and
/// feature buffers: one per thread.
/// </summary>
internal sealed class PoseScorer(MeshArrays model, CArmGeometry view, RigidTransform start, Vec3 centreLps, SimilarityMethod method, MetricSettings settings, double? windowMarginMm = null)
{
    private readonly SilhouetteRasterizer _rasterizer = new();
    private readonly ThicknessRasterizer _thickness = new();
    private readonly ProjectionMatrix _projection = view.ToProjectionMatrix();
    private float[] _thicknessImage = [];

    /// <summary>Render the model's projected thickness (a mesh DRR) instead of its silhouette coverage.</summary>
    public bool UseThickness { get; init; }

    public MovingFeatures Moving { get; } = new(settings);

    public SimilarityMethod Method => method;

    public RigidTransform Transform(InPlanePose pose) => pose.ToTransform(view, start, centreLps);

    /// <summary>Renders the model at <paramref name="pose"/> into <see cref="Moving"/> on the level's grid.</summary>
    public void Render(FixedLevel level, InPlanePose pose) => Render(level, Transform(pose));

    public void Render(FixedLevel level, RigidTransform transform)
    {
        var grid = level.Grid;
        var projection = grid.Map(_projection.Compose(transform));
        if (UseThickness)
        {
            if (_thicknessImage.Length != grid.PixelCount)
            {
                _thicknessImage = new float[grid.PixelCount];
            }
            var box = _thickness.Render(model, projection, grid.Width, grid.Height, _thicknessImage);
            Moving.BuildFromImage(_thicknessImage, box, grid.Width, grid.Height);
            return;
        }
        var bounds = _rasterizer.Rasterize(model, projection, grid.Width, grid.Height);
        Moving.Build(_rasterizer, bounds, grid.Width, grid.Height);
    }

    public double Score(FixedLevel level, InPlanePose pose)
    {
        Render(level, pose);
        return Evaluate(level);
    }

    public double Score(FixedLevel level, RigidTransform transform)
    {
        Render(level, transform);
        return Evaluate(level);
    }

    /// <summary>The metric of the last rendering, shifted by whole pixels.</summary>
    public double Evaluate(FixedLevel level, int dx = 0, int dy = 0) =>
        SparseSimilarity.Evaluate(method, level.Features, Moving, dx, dy, WindowMarginPx(level));

    private int WindowMarginPx(FixedLevel level) => windowMarginMm is { } mm ? (int)Math.Round(mm / level.ResolutionMm) : -1;
}
