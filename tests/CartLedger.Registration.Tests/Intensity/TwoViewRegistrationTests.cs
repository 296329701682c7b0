using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Intensity;

public class TwoViewRegistrationTests
{
    /// <summary>Exact synthetic silhouettes: the 3D error is set by the finest level (0.5 mm) and the optimiser's tolerance.</summary>
    private const double Tre3DToleranceMm = 1.5;

    private static readonly TriangleMesh Model = SyntheticScene.LeftVentricle(Vec3.Zero);
    private static readonly RigidTransform Truth = new(Mat3.FromEulerDeg(4, -6, 12), new Vec3(5, -8, 10));

    private static XrayFrame Frame(CArmGeometry view, int seed)
    {
        var shadow = ModelImages.Coverage(Model, Truth, view, PixelGrid.Detector(view));
        var attenuation = ModelImages.SyntheticXray(shadow, 0.6, 0.05, seed);
        return new XrayFrame(view, new Image2D(attenuation.Width, attenuation.Height, [.. attenuation.Pixels.Select(v => -v)]));
    }

    [Fact]
    public void Two_views_recover_depth_and_out_of_plane_rotation_that_one_view_cannot()
    {
        var lao = SyntheticScene.View(40, 0, size: 400, pixelMm: 0.6);
        var rao = SyntheticScene.View(-30, 0, size: 400, pixelMm: 0.6);
        // 12 mm in-plane, 15 mm along the LAO beam (depth in LAO), 6 degrees about the patient's left-right axis.
        var start = Truth.Then(RigidTransform.RotationAbout(Truth.Apply(Vec3.Zero), Mat3.RotationAboutAxis(Vec3.UnitX, 6)))
            .Then(RigidTransform.FromTranslation(lao.SourceToDetectorDirection * 15 + lao.ColumnDirection * 8 + lao.RowDirection * -9));
        Assert.InRange(CrossLandmark.Tre3DMm(lao, Truth, start, Vec3.Zero), 15, 30);

        var result = TwoViewRegistration.Register(Frame(lao, 1), Frame(rao, 2), Model, start, new InPlaneSettings(SimilarityMethod.GradientCorrelationPositive), Vec3.Zero);

        Assert.InRange(CrossLandmark.Tre3DMm(lao, Truth, result.Pose, Vec3.Zero), 0, Tre3DToleranceMm);
        Assert.False(result.LikelyFailure, $"disagreement {result.CentreDisagreementMm:0.##} mm");
    }

    [Fact]
    public void Views_closer_than_30_degrees_are_refused()
    {
        var a = SyntheticScene.View(40, 0, size: 400, pixelMm: 0.6);
        var b = SyntheticScene.View(20, 0, size: 400, pixelMm: 0.6);
        var error = Assert.Throws<Registration.ViewsTooCloseException>(() =>
            TwoViewRegistration.Register(Frame(a, 1), Frame(b, 2), Model, Truth, new InPlaneSettings(SimilarityMethod.GradientCorrelation), Vec3.Zero));
        Assert.Equal("views", error.Field);
    }
}
