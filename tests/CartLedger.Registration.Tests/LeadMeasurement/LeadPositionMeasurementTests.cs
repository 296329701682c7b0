using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Model;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.LeadMeasurement;

public class LeadPositionMeasurementTests
{
    /// <summary>A tessellated ellipsoid lies inside the analytic one by up to ~0.5 mm between vertices.</summary>
    private const double SurfaceToleranceMm = 0.6;

    // An LV-like ellipsoid in model coordinates: long axis +z (apex at z = -45), base plane at z = 20, cavity ends at z = -35.
    private static readonly TriangleMesh Epicardium = SyntheticScene.Ellipsoid(Vec3.Zero, new Vec3(30, 30, 45), rings: 48, sectors: 96);
    private static readonly LvFrame Frame = new(Vec3.Zero, Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ, BasePlaneHeightMm: 20, CavityEndHeightMm: -35);
    private static readonly RigidTransform Pose = new(Mat3.FromEulerDeg(20, -10, 35), new Vec3(15, -30, 60));
    private static readonly CArmGeometry[] Views = [SyntheticScene.View(40, 0, 1024, 0.3, new Vec3(15, -30, 60)), SyntheticScene.View(-30, 0, 1024, 0.3, new Vec3(15, -30, 60))];

    /// <summary>The analytic surface point at level fraction s and angle theta, pushed out by <paramref name="outsideMm"/>.</summary>
    private static Vec3 SurfacePoint(double fraction, double thetaDeg, double outsideMm = 0)
    {
        var z = 20 - fraction * 55;
        var r = 30 * Math.Sqrt(1 - z * z / (45 * 45)) + outsideMm;
        var t = thetaDeg * Math.PI / 180;
        return new Vec3(r * Math.Cos(t), r * Math.Sin(t), z);
    }

    private static ViewPoint[] Clicks(Vec3 modelPoint) =>
        [.. Views.Select(v => new ViewPoint(v, v.ToProjectionMatrix().Project(Pose.Apply(modelPoint))))];

    [Theory]
    [InlineData(0.1, 10)]
    [InlineData(0.5, 75)]
    [InlineData(0.5, 200)]
    [InlineData(0.8, 330)]
    public void The_frame_locates_a_point_as_the_segment_lookup_defines(double fraction, double thetaDeg)
    {
        Assert.Equal(SegmentLookup.Locate(fraction, thetaDeg), Frame.Locate(SurfacePoint(fraction, thetaDeg)));
    }

    [Fact]
    public void A_point_beyond_the_cavity_is_in_the_apical_cap()
    {
        Assert.Equal(SegmentLookup.ApicalCap, Frame.Locate(new Vec3(0, 0, -44)));
    }

    [Fact]
    public void An_electrode_on_the_primary_target_is_within_with_zero_distance()
    {
        var site = SurfacePoint(0.5, 215, outsideMm: 1.5);
        var target = SegmentLookup.Locate(0.5, 215).Segment36;
        var surface = SegmentedSurface.FromFrame(Epicardium, Frame, []);
        var result = LeadPositionMeasurement.Measure(Clicks(site), Pose, surface, new LeadPlan(target, [target], null));

        Assert.InRange(result.ElectrodeLps.DistanceTo(Pose.Apply(site)), 0, 0.01);
        Assert.InRange(result.OffSurfaceMm, 1.5 - 0.01, 1.5 + SurfaceToleranceMm);
        Assert.Equal(target, result.Segments.Segment36);
        Assert.Equal(new LeadCategories(LeadCategory.Within, LeadCategory.Within, LeadCategory.Within), result.Categories);
        Assert.Equal(0, result.DistanceToTargetMm);
        Assert.Null(result.DistanceToScarMm);
        Assert.Null(result.DistanceToPhrenicNerveMm);
    }

    [Fact]
    public void An_electrode_two_sectors_away_is_remote_and_its_distances_are_measured()
    {
        // Primary target: mid wall at theta 215 (mid-inferolateral); electrode at theta 275 (two 30-degree sectors on).
        var target = SegmentLookup.Locate(0.5, 215).Segment36;
        var electrodeSite = SurfacePoint(0.5, 275);
        var scar = SegmentLookup.Locate(0.5, 335).Segment36;
        var surface = SegmentedSurface.FromFrame(Epicardium, Frame, [scar]);
        // The nerve runs parallel to the long axis 12 mm outside the electrode.
        var outward = new Vec3(Math.Cos(275 * Math.PI / 180), Math.Sin(275 * Math.PI / 180), 0);
        var nerve = new[] { -40.0, 40.0 }.Select(z => Pose.Apply(new Vec3(electrodeSite.X, electrodeSite.Y, z) + outward * 12)).ToArray();

        var result = LeadPositionMeasurement.Measure(Clicks(electrodeSite), Pose, surface, new LeadPlan(target, [target], nerve));

        Assert.Equal(LeadCategory.Remote, result.Categories!.In36);
        Assert.Equal(LeadCategory.Adjacent, result.Categories.In18);
        // The target sector ends at theta 240, the scar sector starts at theta 330: arcs of 35 and 55 degrees at radius
        // r(mid) = 29.4 mm, measured as chords to the nearest labelled vertex.
        var r = 30 * Math.Sqrt(1 - 7.5 * 7.5 / (45 * 45));
        double Chord(double degrees) => 2 * r * Math.Sin(degrees * Math.PI / 360);
        Assert.InRange(result.DistanceToTargetMm!.Value, Chord(35) - 2.5, Chord(35) + SurfaceToleranceMm);
        Assert.InRange(result.DistanceToScarMm!.Value, Chord(55) - 2.5, Chord(55) + SurfaceToleranceMm);
        Assert.InRange(result.DistanceToPhrenicNerveMm!.Value, 12 - SurfaceToleranceMm, 12 + SurfaceToleranceMm);
    }

    [Fact]
    public void Views_too_close_for_triangulation_are_refused()
    {
        CArmGeometry[] close = [Views[0], SyntheticScene.View(20, 0, 1024, 0.3, new Vec3(15, -30, 60))];
        var site = Pose.Apply(SurfacePoint(0.5, 100));
        var clicks = close.Select(v => new ViewPoint(v, v.ToProjectionMatrix().Project(site))).ToArray();
        var surface = SegmentedSurface.FromFrame(Epicardium, Frame, []);
        Assert.Throws<ViewsTooCloseException>(() => LeadPositionMeasurement.Measure(clicks, Pose, surface, new LeadPlan(null, [], null)));
    }
}
