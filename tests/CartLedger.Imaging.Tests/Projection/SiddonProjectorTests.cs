using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;
using CartLedger.Imaging.Projection;

namespace CartLedger.Imaging.Tests.Projection;

/// <summary>Siddon line integrals against analytic chords: a voxel-aligned cube is exact; a partial-volume sphere is within a voxel.</summary>
public class SiddonProjectorTests
{
    private const double Mu = 0.02;

    /// <summary>A voxelised sphere's chord is off by at most about one voxel of partial volume at its two ends.</summary>
    private const double SphereChordToleranceMm = 1.0;

    /// <summary>For a cube whose faces are voxel faces, Siddon is exact up to float accumulation.</summary>
    private const double CubeRelativeTolerance = 1e-5;

    private static CArmGeometry View(double primary, double secondary) =>
        new(primary, secondary, 1200, 800, 0.6, 0.6, 96, 96, Vec3.Zero);

    private static AttenuationVolume Cube(out Vec3 min, out Vec3 max)
    {
        var grid = VolumeGeometry.Axial(80, 80, 80, new Vec3(-39.5, -39.5, -39.5), new Vec3(1, 1, 1));
        var mu = new float[grid.VoxelCount];
        for (var k = 20; k < 60; k++)
        {
            for (var j = 20; j < 60; j++)
            {
                for (var i = 20; i < 60; i++)
                {
                    mu[i + 80 * (j + 80 * k)] = (float)Mu;
                }
            }
        }
        min = grid.ToPatient(19.5, 19.5, 19.5);
        max = grid.ToPatient(59.5, 59.5, 59.5);
        return new AttenuationVolume(grid, mu);
    }

    private static double BoxChord(Vec3 source, Vec3 direction, Vec3 min, Vec3 max)
    {
        double t0 = 0, t1 = double.PositiveInfinity;
        for (var axis = 0; axis < 3; axis++)
        {
            var a = (min[axis] - source[axis]) / direction[axis];
            var b = (max[axis] - source[axis]) / direction[axis];
            t0 = Math.Max(t0, Math.Min(a, b));
            t1 = Math.Min(t1, Math.Max(a, b));
        }
        return Math.Max(0, t1 - t0);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(40, 20)]
    [InlineData(-30, -10)]
    public void A_voxel_aligned_cube_integrates_to_its_exact_chord_in_any_view(double primary, double secondary)
    {
        var volume = Cube(out var min, out var max);
        var view = View(primary, secondary);
        var drr = DrrRenderer.Render(volume, view);
        var rays = new ProjectionRays(drr.Projection);
        var checkedRays = 0;
        for (var y = 0; y < view.Rows; y += 5)
        {
            for (var x = 0; x < view.Columns; x += 5)
            {
                var d = rays.Direction(x, y).Normalized();
                var expected = Mu * BoxChord(rays.SourceLps, d, min, max);
                Assert.InRange(drr.LineIntegrals[x, y], expected - CubeRelativeTolerance * (1 + expected) * 10, expected + CubeRelativeTolerance * (1 + expected) * 10);
                checkedRays += expected > 0 ? 1 : 0;
            }
        }
        Assert.True(checkedRays > 50, "the cube must cover a good part of the image");
    }

    [Fact]
    public void A_partial_volume_sphere_integrates_to_mu_times_its_chord()
    {
        var grid = VolumeGeometry.Axial(90, 90, 90, new Vec3(-44.5, -44.5, -44.5), new Vec3(1, 1, 1));
        var mu = new float[grid.VoxelCount];
        var sphere = new Solid("sphere", MotionGroup.Background, Ellipsoid.Sphere(new Vec3(1.3, -2.1, 0.7), 35), new Tissue("t", 0, 0, 0, 0));
        VolumePainter.Paint(grid, [sphere], [new PaintChannel(mu, _ => (float)Mu)]);
        var volume = new AttenuationVolume(grid, mu);
        var view = View(25, 10);
        var drr = DrrRenderer.Render(volume, view);
        var rays = new ProjectionRays(drr.Projection);
        var worst = 0.0;
        for (var y = 0; y < view.Rows; y += 3)
        {
            for (var x = 0; x < view.Columns; x += 3)
            {
                var d = rays.Direction(x, y).Normalized();
                var chord = CartLedger.Imaging.Phantom.Acquisition.TubeProjector.SphereChord(rays.SourceLps, d, new Vec3(1.3, -2.1, 0.7), 35);
                if (chord > 10)
                {
                    worst = Math.Max(worst, Math.Abs(drr.LineIntegrals[x, y] / Mu - chord));
                }
            }
        }
        Assert.InRange(worst, 0, SphereChordToleranceMm);
    }

    [Fact]
    public void The_image_does_not_depend_on_the_thread_count()
    {
        var volume = Cube(out _, out _);
        var p = View(40, 20).ToProjectionMatrix();
        var one = SiddonProjector.Render(volume, p, 96, 96, maxThreads: 1);
        var many = SiddonProjector.Render(volume, p, 96, 96, maxThreads: 4);
        Assert.Equal(one.Pixels, many.Pixels);
    }

    [Fact]
    public void A_binned_region_reproduces_the_full_resolution_rays_at_block_centres()
    {
        var volume = Cube(out _, out _);
        var view = View(-30, 0);
        var full = DrrRenderer.Render(volume, view);
        var binned = DrrRenderer.Render(volume, view, new DetectorRegion(10, 20, 64, 64, 2));
        // Output (x', y') of a 2x2 binning is the ray through detector (10 + 2x' + 0.5, 20 + 2y' + 0.5): compare with its 4 neighbours' mean bounds.
        for (var y = 0; y < 32; y += 4)
        {
            for (var x = 0; x < 32; x += 4)
            {
                var neighbours = new[] { full.LineIntegrals[10 + 2 * x, 20 + 2 * y], full.LineIntegrals[11 + 2 * x, 20 + 2 * y], full.LineIntegrals[10 + 2 * x, 21 + 2 * y], full.LineIntegrals[11 + 2 * x, 21 + 2 * y] };
                Assert.InRange(binned.LineIntegrals[x, y], neighbours.Min() - 1e-4, neighbours.Max() + 1e-4);
            }
        }
        var centre = new Vec3(3, 4, 5);
        var onFull = view.ToProjectionMatrix().Project(centre);
        var onBinned = binned.Projection.Project(centre);
        Assert.Equal((onFull.X - 10 - 0.5) / 2, onBinned.X, 9);
        Assert.Equal((onFull.Y - 20 - 0.5) / 2, onBinned.Y, 9);
    }

    [Fact]
    public void The_naive_trilinear_baseline_agrees_with_Siddon_on_a_sphere()
    {
        var grid = VolumeGeometry.Axial(60, 60, 60, new Vec3(-29.5, -29.5, -29.5), new Vec3(1, 1, 1));
        var mu = new float[grid.VoxelCount];
        VolumePainter.Paint(grid, [new Solid("s", MotionGroup.Background, Ellipsoid.Sphere(Vec3.Zero, 22), new Tissue("t", 0, 0, 0, 0))], [new PaintChannel(mu, _ => (float)Mu)]);
        var volume = new AttenuationVolume(grid, mu);
        var p = View(0, 0).ToProjectionMatrix();
        var siddon = SiddonProjector.Render(volume, p, 96, 96);
        var naive = TrilinearRayMarcher.Render(volume, p, 96, 96, stepMm: 0.5);
        Assert.InRange(Math.Abs(siddon[48, 48] - naive[48, 48]), 0, Mu * SphereChordToleranceMm);
    }
}
