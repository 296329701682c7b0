using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Projection;

public class SilhouetteRasterizerTests
{
    /// <summary>An inscribed 96-sector sphere loses cos-area: (sin(2 pi/96)/(2 pi/96)) ~ 0.9993 in-plane; allow 0.5 %.</summary>
    private const double AreaRelativeTolerance = 0.005;

    /// <summary>Silhouette radius, pixels, of a sphere of radius r whose centre lies on the central ray at depth d.</summary>
    private static double AnalyticDiskRadiusPx(CArmGeometry g, double radiusMm, double depthMm) =>
        g.SourceToDetectorMm * Math.Tan(Math.Asin(radiusMm / depthMm)) / g.DetectorPixelSpacingXMm;

    [Fact]
    public void A_sphere_on_the_central_ray_covers_the_analytic_disk_area()
    {
        var g = SyntheticScene.View(0, 0);
        var mesh = new MeshArrays(SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(40, 40, 40), rings: 48, sectors: 96));
        var grid = PixelGrid.Detector(g);
        var rasterizer = new SilhouetteRasterizer();
        rasterizer.Rasterize(mesh, grid.Map(g.ToProjectionMatrix()), grid.Width, grid.Height);
        var coverage = new float[grid.PixelCount];
        rasterizer.FillCoverage(coverage, grid.Width);

        var radius = AnalyticDiskRadiusPx(g, 40, g.SourceToIsocenterMm);
        var expected = Math.PI * radius * radius;
        Assert.InRange(coverage.Sum(c => (double)c) / expected, 1 - AreaRelativeTolerance, 1 + 1e-4);
    }

    [Fact]
    public void The_binary_mask_is_the_disk_where_pixels_are_at_least_half_covered()
    {
        var g = SyntheticScene.View(30, 10);
        var mesh = SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(40, 40, 40), rings: 48, sectors: 96);
        var mask = SilhouetteMask.Project(mesh, RigidTransform.Identity, g.ToProjectionMatrix(), PixelGrid.Detector(g));
        var radius = AnalyticDiskRadiusPx(g, 40, g.SourceToIsocenterMm);
        var centre = g.PrincipalPoint;
        for (var y = 0; y < g.Rows; y += 3)
        {
            for (var x = 0; x < g.Columns; x += 3)
            {
                var r = new Vec2(x, y).DistanceTo(centre);
                if (Math.Abs(r - radius) > 1.0)
                {
                    Assert.Equal(r < radius, mask[x, y]);
                }
            }
        }
    }

    [Fact]
    public void Coverage_moves_continuously_with_a_sub_pixel_shift()
    {
        var g = SyntheticScene.View(0, 0);
        var mesh = new MeshArrays(SyntheticScene.LeftVentricle(Vec3.Zero));
        var grid = PixelGrid.Detector(g);
        var rasterizer = new SilhouetteRasterizer();
        var shiftMm = 0.05; // at the isocentre: 0.05 * 1.5 / 0.6 = 0.125 px on the detector
        var cx = new double[2];
        for (var n = 0; n < 2; n++)
        {
            var pose = RigidTransform.FromTranslation(new Vec3(n * shiftMm, 0, 0));
            rasterizer.Rasterize(mesh, grid.Map(g.ToProjectionMatrix().Compose(pose)), grid.Width, grid.Height);
            var coverage = new float[grid.PixelCount];
            rasterizer.FillCoverage(coverage, grid.Width);
            double sum = 0, sumX = 0;
            for (var i = 0; i < coverage.Length; i++)
            {
                sum += coverage[i];
                sumX += coverage[i] * (i % grid.Width);
            }
            cx[n] = sumX / sum;
        }
        var expectedPx = shiftMm * g.MagnificationAtIsocenter / g.DetectorPixelSpacingXMm;
        Assert.Equal(expectedPx, cx[1] - cx[0], 3);
    }

    [Fact]
    public void A_down_sampled_grid_sees_the_same_silhouette_at_its_own_resolution()
    {
        var g = SyntheticScene.View(-30, 0);
        var mesh = SyntheticScene.LeftVentricle(new Vec3(10, -5, 20));
        var fine = SilhouetteMask.Project(mesh, RigidTransform.Identity, g.ToProjectionMatrix(), PixelGrid.Detector(g));
        var coarseGrid = new PixelGrid(128, 128, 0.5, 0.5, 4);
        var coarse = SilhouetteMask.Project(mesh, RigidTransform.Identity, g.ToProjectionMatrix(), coarseGrid);
        Assert.Equal(fine.Area / 16.0, coarse.Area, 0.03 * fine.Area / 16.0);
    }

    [Fact]
    public void The_outline_is_a_closed_one_pixel_border_of_the_mask()
    {
        var g = SyntheticScene.View(0, 0);
        var mesh = SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(40, 40, 40), rings: 48, sectors: 96);
        var mask = SilhouetteMask.Project(mesh, RigidTransform.Identity, g.ToProjectionMatrix(), PixelGrid.Detector(g));
        var outline = mask.Outline();
        var radius = AnalyticDiskRadiusPx(g, 40, g.SourceToIsocenterMm);
        var count = 0;
        for (var i = 0; i < outline.Length; i++)
        {
            if (outline[i])
            {
                count++;
                var r = new Vec2(i % g.Columns, i / g.Columns).DistanceTo(g.PrincipalPoint);
                Assert.InRange(r, radius - 1.5, radius + 0.5);
            }
        }
        // A closed 8-connected digital circle has 4 sqrt(2) r pixels; a 4-connected one 8 r. Anything else has gaps or is thick.
        Assert.InRange(count, 5.5 * radius, 8 * radius);
    }

    [Fact]
    public void A_model_behind_the_source_is_rejected()
    {
        var g = SyntheticScene.View(0, 0);
        var mesh = SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(20, 20, 20));
        var behind = RigidTransform.FromTranslation(g.SourceLps - g.SourceToDetectorDirection * 50);
        var error = Assert.Throws<InvalidOperationException>(() =>
            SilhouetteMask.Project(mesh, behind, g.ToProjectionMatrix(), PixelGrid.Detector(g)));
        Assert.Contains("behind the source", error.Message, StringComparison.Ordinal);
    }
}

public class ContourFillTests
{
    /// <summary>Both paths set the same 32 sub-samples up to rounding at samples lying exactly on an edge.</summary>
    private const float CoverageTolerance = 2f / 32;

    private static float[] Coverage(MeshArrays mesh, CArmGeometry view, RigidTransform pose, PixelGrid grid)
    {
        var rasterizer = new SilhouetteRasterizer();
        rasterizer.Rasterize(mesh, grid.Map(view.ToProjectionMatrix().Compose(pose)), grid.Width, grid.Height);
        var coverage = new float[grid.PixelCount];
        rasterizer.FillCoverage(coverage, grid.Width);
        return coverage;
    }

    /// <summary>Every triangle twice: the same silhouette, but no longer "each directed edge once", so every triangle is filled.</summary>
    private static MeshArrays Doubled(TriangleMesh mesh) => new(new TriangleMesh(mesh.Vertices, [.. mesh.Indices, .. mesh.Indices]));

    [Fact]
    public void Filling_from_the_contour_equals_filling_every_triangle_even_where_parts_overlap()
    {
        // Two spheres that overlap in projection (winding 2 there) and a tilted LV: closed and consistently oriented.
        var a = SyntheticScene.Ellipsoid(new Vec3(-20, 0, 0), new Vec3(30, 30, 30));
        var b = SyntheticScene.LeftVentricle(new Vec3(15, 40, 10));
        var vertices = a.Vertices.Concat(b.Vertices).ToArray();
        var indices = a.Indices.Concat(b.Indices.Select(i => i + a.Vertices.Count)).ToArray();
        var mesh = new TriangleMesh(vertices, indices);
        var closed = new MeshArrays(mesh);
        Assert.True(closed.IsClosedAndOriented);
        Assert.False(Doubled(mesh).IsClosedAndOriented);

        var view = SyntheticScene.View(40, 15);
        var grid = new PixelGrid(256, 256, 0.5, 0.5, 2);
        var pose = new RigidTransform(Mat3.FromEulerDeg(10, 20, 30), new Vec3(5, 0, -5));
        var fromContour = Coverage(closed, view, pose, grid);
        var fromTriangles = Coverage(Doubled(mesh), view, pose, grid);
        Assert.True(fromContour.Sum() > 1000);
        for (var i = 0; i < fromContour.Length; i++)
        {
            Assert.InRange(fromContour[i] - fromTriangles[i], -CoverageTolerance, CoverageTolerance);
        }
        Assert.Equal(fromTriangles.Sum(), fromContour.Sum(), 0.001 * fromTriangles.Sum());
    }
}

public class OpenMeshTests
{
    /// <summary>The ellipsoid without its southern cap: an LV surface open at the base plane.</summary>
    private static TriangleMesh OpenCup()
    {
        var closed = SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(30, 30, 45));
        var south = closed.Vertices.Count - 1;
        var indices = new List<int>();
        for (var t = 0; t < closed.TriangleCount; t++)
        {
            var tri = closed.Indices.Skip(3 * t).Take(3).ToArray();
            if (!tri.Contains(south))
            {
                indices.AddRange(tri);
            }
        }
        return new TriangleMesh(closed.Vertices, indices);
    }

    [Fact]
    public void An_open_cup_is_capped_for_the_fast_path_without_changing_its_silhouette()
    {
        var cup = OpenCup();
        var capped = new MeshArrays(cup);
        Assert.True(capped.IsClosedAndOriented);
        Assert.Equal(cup.Vertices.Count + 1, capped.VertexCount);
        var everyTriangle = new MeshArrays(new TriangleMesh(cup.Vertices, [.. cup.Indices, .. cup.Indices]));
        Assert.False(everyTriangle.IsClosedAndOriented);
        // Looking into the opening from below and from the side.
        foreach (var view in new[] { SyntheticScene.View(0, -60), SyntheticScene.View(70, 10) })
        {
            var grid = new PixelGrid(256, 256, 0.5, 0.5, 2);
            float[] Cover(MeshArrays m)
            {
                var r = new SilhouetteRasterizer();
                r.Rasterize(m, grid.Map(view.ToProjectionMatrix()), grid.Width, grid.Height);
                var c = new float[grid.PixelCount];
                r.FillCoverage(c, grid.Width);
                return c;
            }
            var fast = Cover(capped);
            var slow = Cover(everyTriangle);
            Assert.Equal(slow.Sum(), fast.Sum(), 0.001 * slow.Sum());
            Assert.All(fast.Zip(slow), p => Assert.InRange(p.First - p.Second, -2f / 32, 2f / 32));
        }
    }
}
