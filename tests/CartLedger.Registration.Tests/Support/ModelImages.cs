using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Tests.Support;

/// <summary>Model projections as images and as metric features, for metric tests.</summary>
public static class ModelImages
{
    public static Image2D Coverage(TriangleMesh mesh, RigidTransform pose, CArmGeometry view, PixelGrid grid)
    {
        var rasterizer = new SilhouetteRasterizer();
        rasterizer.Rasterize(new MeshArrays(mesh), grid.Map(view.ToProjectionMatrix().Compose(pose)), grid.Width, grid.Height);
        var image = new Image2D(grid.Width, grid.Height);
        rasterizer.FillCoverage(image.Pixels, grid.Width);
        return image;
    }

    public static MovingFeatures Features(TriangleMesh mesh, RigidTransform pose, CArmGeometry view, PixelGrid grid, MetricSettings settings)
    {
        var rasterizer = new SilhouetteRasterizer();
        var bounds = rasterizer.Rasterize(new MeshArrays(mesh), grid.Map(view.ToProjectionMatrix().Compose(pose)), grid.Width, grid.Height);
        var features = new MovingFeatures(settings);
        features.Build(rasterizer, bounds, grid.Width, grid.Height);
        return features;
    }

    /// <summary>
    /// A synthetic X-ray in attenuation polarity: a smooth background gradient, the model's shadow with the given
    /// contrast (negative: an edge of the opposite polarity), a distracting bright bar (a "spine") and Gaussian noise.
    /// </summary>
    public static Image2D SyntheticXray(Image2D shadow, double contrast, double noiseSd, int seed, bool withSpine = true)
    {
        var random = new Random(seed);
        var image = new Image2D(shadow.Width, shadow.Height);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var spine = withSpine && Math.Abs(x - image.Width * 0.3) < image.Width * 0.06 ? 1.5 : 0;
                var noise = noiseSd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                image[x, y] = (float)(0.3 * y / image.Height + spine + contrast * shadow[x, y] + noise);
            }
        }
        return image;
    }
}
