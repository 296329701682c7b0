using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// A working image grid laid over the detector: grid pixel (i, j) sits at detector pixel
/// (<see cref="OriginX"/> + i <see cref="Step"/>, <see cref="OriginY"/> + j <see cref="Step"/>). Registration runs on
/// cropped, down-sampled grids (a region of interest at a pyramid level); overlays use the full detector grid or an
/// up-scaled one. Pixel centres are on integers, as in <see cref="CArmGeometry.PrincipalPoint"/>.
/// </summary>
public sealed record PixelGrid(int Width, int Height, double OriginX, double OriginY, double Step)
{
    public int PixelCount => Width * Height;

    /// <summary>The detector's own pixel grid of a view.</summary>
    public static PixelGrid Detector(CArmGeometry geometry) => new(geometry.Columns, geometry.Rows, 0, 0, 1);

    /// <summary>The detector grid resampled by <paramref name="scale"/> (2 = twice as many pixels each way).</summary>
    public static PixelGrid DetectorScaled(CArmGeometry geometry, double scale)
    {
        if (scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), $"scale must be positive, got {scale}");
        }
        var step = 1.0 / scale;
        // Grid pixel centres tile the detector's extent [-0.5, N - 0.5] exactly.
        return new((int)Math.Round(geometry.Columns * scale), (int)Math.Round(geometry.Rows * scale), -0.5 + step / 2, -0.5 + step / 2, step);
    }

    public Vec2 ToDetector(Vec2 grid) => new(OriginX + grid.X * Step, OriginY + grid.Y * Step);

    public Vec2 FromDetector(Vec2 detector) => new((detector.X - OriginX) / Step, (detector.Y - OriginY) / Step);

    /// <summary>The projection onto this grid: S P with S mapping detector pixels to grid pixels.</summary>
    public ProjectionMatrix Map(ProjectionMatrix detectorProjection)
    {
        var v = new double[12];
        for (var c = 0; c < 4; c++)
        {
            var w = detectorProjection[2, c];
            v[c] = (detectorProjection[0, c] - OriginX * w) / Step;
            v[4 + c] = (detectorProjection[1, c] - OriginY * w) / Step;
            v[8 + c] = w;
        }
        return new ProjectionMatrix(v);
    }
}
