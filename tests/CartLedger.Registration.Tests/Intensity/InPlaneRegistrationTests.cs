using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Intensity;

public class InPlaneRegistrationTests
{
    /// <summary>The synthetic shadow is exactly the model's silhouette, so the floor is sub-millimetre.</summary>
    private const double SyntheticTreToleranceMm = 1.0;

    private static readonly CArmGeometry View = SyntheticScene.View(30, 5, size: 400, pixelMm: 0.6);
    private static readonly TriangleMesh Model = SyntheticScene.LeftVentricle(Vec3.Zero);
    private static readonly RigidTransform Truth = new(Mat3.FromEulerDeg(0, 0, 10), new Vec3(8, -12, 15));

    private static XrayFrame SyntheticFrame(bool withSpine = true, double shadowContrast = 0.6)
    {
        var shadow = ModelImages.Coverage(Model, Truth, View, PixelGrid.Detector(View));
        // Stored as fluoroscopy shows it: dense is dark.
        var attenuation = ModelImages.SyntheticXray(shadow, shadowContrast, 0.05, seed: 4, withSpine);
        return new XrayFrame(View, new Image2D(attenuation.Width, attenuation.Height, [.. attenuation.Pixels.Select(v => -v)]));
    }

    /// <summary>Seed 3's perturbation: in-plane translation and a rotation about the beam, here 20 mm and 10 degrees.</summary>
    private static RigidTransform Perturbed() =>
        new InPlanePose(16, -12, -10).ToTransform(View, Truth, Truth.Apply(Vec3.Zero));

    public static TheoryData<string> Methods() => [.. SimilarityMethods.All.Select(m => m.ShortName())];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Registration_converges_from_a_20_mm_10_degree_start(string name)
    {
        Assert.True(SimilarityMethods.TryParse(name, out var method));
        var start = Perturbed();
        Assert.InRange(CrossLandmark.InPlaneTreMm(View, Truth, start, Vec3.Zero), 19, 23);
        // NCC maximises overlap with bright pixels and takes the brighter "spine" (SimilarityMetricTests); it gets the shadow alone.
        var result = InPlaneRegistration.Register(SyntheticFrame(withSpine: method.UsesGradients()), Model, start, new InPlaneSettings(method), Vec3.Zero);
        Assert.InRange(CrossLandmark.InPlaneTreMm(View, Truth, result.Pose, Vec3.Zero), 0, SyntheticTreToleranceMm);
        Assert.False(result.Quality.LikelyFailure, $"quality {result.Quality}");
    }

    [Fact]
    public void The_result_is_bit_identical_for_any_thread_count()
    {
        var frame = SyntheticFrame();
        var one = InPlaneRegistration.Register(frame, Model, Perturbed(), new InPlaneSettings(SimilarityMethod.GradientInformationPositive, Threads: 1), Vec3.Zero);
        var two = InPlaneRegistration.Register(frame, Model, Perturbed(), new InPlaneSettings(SimilarityMethod.GradientInformationPositive, Threads: 2), Vec3.Zero);
        Assert.Equal(one.Pose.ToMatrix4x4(), two.Pose.ToMatrix4x4());
        Assert.Equal(one.MetricValue, two.MetricValue);
    }
}
