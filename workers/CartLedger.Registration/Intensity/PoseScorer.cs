using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// Renders the model at a pose onto a level's grid and scores it against the fixed image. Owns its rasteriser and
/// feature buffers: one per thread.
/// </summary>
internal sealed class PoseScorer(MeshArrays model, CArmGeometry view, RigidTransform start, Vec3 centreLps, SimilarityMethod method, MetricSettings settings)
{
    private readonly SilhouetteRasterizer _rasterizer = new();
    private readonly ProjectionMatrix _projection = view.ToProjectionMatrix();

    public MovingFeatures Moving { get; } = new(settings);

    public SimilarityMethod Method => method;

    public RigidTransform Transform(InPlanePose pose) => pose.ToTransform(view, start, centreLps);

    /// <summary>Renders the model at <paramref name="pose"/> into <see cref="Moving"/> on the level's grid.</summary>
    public void Render(FixedLevel level, InPlanePose pose) => Render(level, Transform(pose));

    public void Render(FixedLevel level, RigidTransform transform)
    {
        var grid = level.Grid;
        var bounds = _rasterizer.Rasterize(model, grid.Map(_projection.Compose(transform)), grid.Width, grid.Height);
        Moving.Build(_rasterizer, bounds, grid.Width, grid.Height);
    }

    public double Score(FixedLevel level, InPlanePose pose)
    {
        Render(level, pose);
        return SparseSimilarity.Evaluate(method, level.Features, Moving);
    }

    public double Score(FixedLevel level, RigidTransform transform)
    {
        Render(level, transform);
        return SparseSimilarity.Evaluate(method, level.Features, Moving);
    }
}
