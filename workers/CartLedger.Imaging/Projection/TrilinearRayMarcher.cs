using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// The naive baseline of the DRR benchmark: one thread, fixed steps along each ray, trilinear samples. It is what a
/// first implementation looks like (and what DiffDRR added as its "trilinear" renderer); Siddon must beat it.
/// </summary>
public static class TrilinearRayMarcher
{
    public static Image2D Render(AttenuationVolume volume, ProjectionMatrix projection, int width, int height, double stepMm = 1.0)
    {
        var image = new Image2D(width, height);
        var rays = new ProjectionRays(projection);
        var field = new Volume(volume.Geometry, volume.MuPerMm);
        var g = volume.Geometry;
        var corners = new List<double>();
        for (var c = 0; c < 8; c++)
        {
            corners.Add(g.ToPatient((c & 1) * (g.SizeI - 1), ((c >> 1) & 1) * (g.SizeJ - 1), ((c >> 2) & 1) * (g.SizeK - 1)).DistanceTo(rays.SourceLps));
        }
        double near = Math.Max(0, corners.Min() - 2), far = corners.Max() + 2;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var d = rays.Direction(x, y).Normalized();
                double sum = 0;
                for (var s = near; s <= far; s += stepMm)
                {
                    sum += field.SamplePatient(rays.SourceLps + d * s);
                }
                image[x, y] = (float)(sum * stepMm);
            }
        }
        return image;
    }
}
