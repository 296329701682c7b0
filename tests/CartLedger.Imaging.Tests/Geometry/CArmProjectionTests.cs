using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Tests.Geometry;

/// <summary>The one C-arm projection matrix (SCIENCE.md section 8) against the analytic pinhole model.</summary>
public class CArmProjectionTests
{
    private const double PixelTolerance = 1e-6;

    private static CArmGeometry View(double primaryDeg, double secondaryDeg, Vec3? isocenter = null) =>
        new(primaryDeg, secondaryDeg, SourceToDetectorMm: 1200, SourceToIsocenterMm: 800,
            DetectorPixelSpacingXMm: 0.3, DetectorPixelSpacingYMm: 0.3, Columns: 1024, Rows: 1024, IsocenterLps: isocenter ?? Vec3.Zero);

    /// <summary>Independent pinhole model: intersect the ray source->point with the detector plane.</summary>
    private static Vec2 Pinhole(CArmGeometry g, Vec3 p)
    {
        var u = g.SourceToDetectorDirection;
        var s = g.SourceLps;
        var t = g.SourceToDetectorMm / (p - s).Dot(u);
        var onDetector = s + (p - s) * t;
        var d = onDetector - g.DetectorCentreLps;
        return new Vec2(g.PrincipalPoint.X + d.Dot(g.ColumnDirection) / g.DetectorPixelSpacingXMm,
                        g.PrincipalPoint.Y + d.Dot(g.RowDirection) / g.DetectorPixelSpacingYMm);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(40, 0)]
    [InlineData(-30, 0)]
    [InlineData(40, 20)]
    [InlineData(-30, -15)]
    [InlineData(90, 5)]
    public void The_matrix_agrees_with_the_pinhole_model_for_any_view(double primaryDeg, double secondaryDeg)
    {
        var g = View(primaryDeg, secondaryDeg, new Vec3(12, -40, 100));
        var p = g.ToProjectionMatrix();
        var random = new Random(7);
        for (var n = 0; n < 50; n++)
        {
            var point = g.IsocenterLps + new Vec3(random.NextDouble() * 200 - 100, random.NextDouble() * 200 - 100, random.NextDouble() * 200 - 100);
            var expected = Pinhole(g, point);
            var actual = p.Project(point, out var depth);
            Assert.InRange(actual.DistanceTo(expected), 0, PixelTolerance);
            Assert.InRange(depth, 600, 1000);
        }
    }

    [Fact]
    public void The_isocentre_projects_to_the_detector_centre()
    {
        var g = View(40, 10, new Vec3(5, 6, 7));
        var pixel = g.ToProjectionMatrix().Project(g.IsocenterLps, out var depth);
        Assert.InRange(pixel.DistanceTo(g.PrincipalPoint), 0, PixelTolerance);
        Assert.Equal(800, depth, 9);
    }

    [Fact]
    public void In_AP_the_patients_left_is_on_screen_right_and_the_head_is_up()
    {
        var p = View(0, 0).ToProjectionMatrix();
        var centre = p.Project(Vec3.Zero);
        Assert.True(p.Project(new Vec3(10, 0, 0)).X > centre.X, "patient left (+x) must appear to the right");
        Assert.True(p.Project(new Vec3(0, 0, 10)).Y < centre.Y, "superior (+z) must appear higher (smaller row)");
        Assert.InRange(p.Project(new Vec3(0, 10, 0)).DistanceTo(centre), 0, PixelTolerance);
    }

    [Fact]
    public void In_LAO_90_the_beam_runs_right_to_left_and_posterior_is_on_screen_right()
    {
        var g = View(90, 0);
        Assert.InRange(g.SourceToDetectorDirection.DistanceTo(Vec3.UnitX), 0, 1e-12);
        var p = g.ToProjectionMatrix();
        Assert.True(p.Project(new Vec3(0, 10, 0)).X > p.Project(Vec3.Zero).X);
    }

    [Fact]
    public void Cranial_angulation_tilts_the_detector_towards_the_head()
    {
        Assert.True(View(0, 20).SourceToDetectorDirection.Z > 0);
        Assert.True(View(0, -20).SourceToDetectorDirection.Z < 0);
    }

    [Fact]
    public void A_length_at_the_isocentre_is_magnified_by_SID_over_SOD()
    {
        var p = View(30, 0).ToProjectionMatrix();
        var g = View(30, 0);
        var a = p.Project(Vec3.Zero);
        var b = p.Project(g.ColumnDirection * 10);
        Assert.Equal(10 * 1200.0 / 800.0 / 0.3, a.DistanceTo(b), 6);
    }

    [Fact]
    public void A_detector_pixel_reprojects_to_itself()
    {
        var g = View(-30, 12, new Vec3(1, 2, 3));
        var p = g.ToProjectionMatrix();
        var onDetector = g.DetectorPixelToPatient(100.5, 900.25);
        var back = p.Project(Vec3.Lerp(g.SourceLps, onDetector, 0.6));
        Assert.InRange(back.DistanceTo(new Vec2(100.5, 900.25)), 0, PixelTolerance);
    }

    [Fact]
    public void Composing_a_pose_equals_projecting_the_moved_point()
    {
        var p = View(40, 0).ToProjectionMatrix();
        var pose = new RigidTransform(Mat3.FromEulerDeg(5, -8, 12), new Vec3(3, -4, 5));
        var composed = p.Compose(pose);
        var point = new Vec3(20, -10, 30);
        Assert.InRange(composed.Project(point).DistanceTo(p.Project(pose.Apply(point))), 0, PixelTolerance);
    }

    [Fact]
    public void Views_LAO_40_and_RAO_30_are_70_degrees_apart()
    {
        Assert.Equal(70, View(40, 0).AngleBetweenViewsDeg(View(-30, 0)), 9);
    }
}
