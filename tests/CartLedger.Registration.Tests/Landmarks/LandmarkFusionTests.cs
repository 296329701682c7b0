using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Landmarks;

public class LandmarkFusionTests
{
    private const double ExactToleranceMm = 1e-4;

    private static readonly CArmGeometry[] Views =
    [
        SyntheticScene.View(40, 0, size: 1024, pixelMm: 0.3),
        SyntheticScene.View(-30, 0, size: 1024, pixelMm: 0.3),
    ];

    private static readonly ModelLandmark[] Landmarks =
    [
        new("CS ostium", new Vec3(-20, 10, 25)),
        new("LV apex", new Vec3(35, -30, -40)),
        new("great cardiac vein", new Vec3(25, -20, 20)),
        new("middle cardiac vein", new Vec3(0, 30, -15)),
    ];

    private static readonly RigidTransform Truth = new(Mat3.FromEulerDeg(8, -5, 20), new Vec3(12, -7, 9));

    private static LandmarkClick[] Clicks(RigidTransform pose, Func<string, int, Vec2>? error = null) =>
        [.. from landmark in Landmarks
            from view in Enumerable.Range(0, Views.Length)
            select new LandmarkClick(landmark.Name, view,
                Views[view].ToProjectionMatrix().Project(pose.Apply(landmark.ModelPoint)) + (error?.Invoke(landmark.Name, view) ?? new Vec2(0, 0)))];

    [Fact]
    public void Noise_free_picks_in_two_views_give_the_pose_back()
    {
        var result = LandmarkFusion.Solve(Views, Landmarks, Clicks(Truth));
        foreach (var probe in new[] { Vec3.Zero, new Vec3(50, 50, 50), new Vec3(-40, 20, -60) })
        {
            Assert.InRange(result.Pose.Apply(probe).DistanceTo(Truth.Apply(probe)), 0, ExactToleranceMm);
        }
        Assert.All(result.Residuals, r => Assert.InRange(r.ResidualMm, 0, ExactToleranceMm));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_bad_pick_shows_as_the_largest_residual_and_barely_moves_the_pose()
    {
        // The apex pick in RAO is 47 px (9.4 mm at the isocentre) off; the Cauchy loss keeps the other picks near zero.
        var result = LandmarkFusion.Solve(Views, Landmarks,
            Clicks(Truth, (name, view) => name == "LV apex" && view == 1 ? new Vec2(40, -25) : new Vec2(0, 0)));
        Assert.Equal(("LV apex", 1), (result.WorstResidual.Name, result.WorstResidual.ViewIndex));
        Assert.InRange(result.WorstResidual.ResidualMm, 7, 11);
        Assert.True(result.WorstResidual.ResidualMm > 10 * result.Residuals.Where(r => r != result.WorstResidual).Max(r => r.ResidualMm));
        Assert.InRange(result.Pose.Apply(Vec3.Zero).DistanceTo(Truth.Apply(Vec3.Zero)), 0, 1.0);
        Assert.NotNull(result.ExpectedTargetErrorMm);
    }

    [Fact]
    public void Only_one_view_is_refused_with_the_reason()
    {
        var oneView = Clicks(Truth).Where(c => c.ViewIndex == 0).ToArray();
        var error = Assert.Throws<RegistrationInputException>(() => LandmarkFusion.Solve(Views, Landmarks, oneView));
        Assert.Contains("at least 3 different landmarks and 6 picks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collinear_landmarks_are_refused()
    {
        ModelLandmark[] line = [new("a", Vec3.Zero), new("b", new Vec3(10, 10, 10)), new("c", new Vec3(20, 20, 20))];
        var clicks = line.SelectMany(l => Enumerable.Range(0, 2).Select(v => new LandmarkClick(l.Name, v, Views[v].ToProjectionMatrix().Project(l.ModelPoint)))).ToArray();
        var error = Assert.Throws<RegistrationInputException>(() => LandmarkFusion.Solve(Views, line, clicks));
        Assert.Contains("one line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pick_outside_the_image_is_refused()
    {
        var clicks = Clicks(Truth);
        clicks[3] = clicks[3] with { Pixel = new Vec2(-40, 100) };
        var error = Assert.Throws<LandmarkOutsideImageException>(() => LandmarkFusion.Solve(Views, Landmarks, clicks));
        Assert.Equal("clicks[3].pixel", error.Field);
    }

    [Fact]
    public void Views_closer_than_30_degrees_are_refused_and_closer_than_60_warned()
    {
        CArmGeometry[] close = [Views[0], SyntheticScene.View(20, 0, size: 1024, pixelMm: 0.3)];
        LandmarkClick[] For(CArmGeometry[] views) => [.. Landmarks.SelectMany(l => Enumerable.Range(0, 2)
            .Select(v => new LandmarkClick(l.Name, v, views[v].ToProjectionMatrix().Project(Truth.Apply(l.ModelPoint)))))];
        Assert.Throws<ViewsTooCloseException>(() => LandmarkFusion.Solve(close, Landmarks, For(close)));

        CArmGeometry[] fortyFive = [Views[0], SyntheticScene.View(-5, 0, size: 1024, pixelMm: 0.3)];
        var result = LandmarkFusion.Solve(fortyFive, Landmarks, For(fortyFive));
        Assert.Contains(result.Warnings, w => w.Contains("45 degrees apart", StringComparison.Ordinal));
    }
}
