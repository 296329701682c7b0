using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Projection;

/// <summary>
/// The projected silhouette of a posed model on a <see cref="PixelGrid"/>: 1 where at least half of a pixel lies inside
/// the projection of the model. <see cref="Outline"/> gives its one-pixel border for overlays.
/// </summary>
public sealed class SilhouetteMask
{
    private SilhouetteMask(PixelGrid grid, byte[] pixels)
    {
        Grid = grid;
        Pixels = pixels;
    }

    public PixelGrid Grid { get; }
    public byte[] Pixels { get; }
    public int Width => Grid.Width;
    public int Height => Grid.Height;

    public bool this[int x, int y] => Pixels[y * Width + x] != 0;

    public int Area => Pixels.Count(p => p != 0);

    /// <summary>Projects <paramref name="mesh"/> posed by <paramref name="pose"/> (model to patient LPS) with a view's detector projection.</summary>
    public static SilhouetteMask Project(TriangleMesh mesh, RigidTransform pose, ProjectionMatrix detectorProjection, PixelGrid grid) =>
        Project(new MeshArrays(mesh), pose, detectorProjection, grid);

    public static SilhouetteMask Project(MeshArrays mesh, RigidTransform pose, ProjectionMatrix detectorProjection, PixelGrid grid)
    {
        var rasterizer = new SilhouetteRasterizer();
        rasterizer.Rasterize(mesh, grid.Map(detectorProjection.Compose(pose)), grid.Width, grid.Height);
        var pixels = new byte[grid.PixelCount];
        rasterizer.FillMask(pixels, grid.Width);
        return new SilhouetteMask(grid, pixels);
    }

    /// <summary>Inside pixels with at least one 4-neighbour outside (or on the grid's edge): the silhouette's border.</summary>
    public bool[] Outline()
    {
        var outline = new bool[Pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (!this[x, y])
                {
                    continue;
                }
                outline[y * Width + x] = x == 0 || y == 0 || x == Width - 1 || y == Height - 1
                    || !this[x - 1, y] || !this[x + 1, y] || !this[x, y - 1] || !this[x, y + 1];
            }
        }
        return outline;
    }
}
