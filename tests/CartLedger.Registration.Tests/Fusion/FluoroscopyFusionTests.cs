using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Model;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Fusion;

public class FluoroscopyFusionTests
{
    /// <summary>The synthetic shadow is exactly the model's silhouette: the floor is sub-millimetre (as InPlaneRegistrationTests).</summary>
    private const double SyntheticTreToleranceMm = 1.0;

    private static readonly CArmGeometry Lao = SyntheticScene.View(40, 0, size: 300, pixelMm: 0.8);
    private static readonly CArmGeometry Rao = SyntheticScene.View(-30, 0, size: 300, pixelMm: 0.8);
    private static readonly TriangleMesh Model = SyntheticScene.LeftVentricle(Vec3.Zero);
    private static readonly RigidTransform Truth = new(Mat3.FromEulerDeg(0, 0, 10), new Vec3(8, -12, 15));

    private static XrayFrame Frame(CArmGeometry view)
    {
        var shadow = ModelImages.Coverage(Model, Truth, view, PixelGrid.Detector(view));
        var attenuation = ModelImages.SyntheticXray(shadow, 0.6, 0.05, seed: 4);
        return new XrayFrame(view, new Image2D(attenuation.Width, attenuation.Height, [.. attenuation.Pixels.Select(v => -v)]));
    }

    [Fact]
    public void Propose_registers_one_view_in_plane_and_reports_its_quality()
    {
        var start = new InPlanePose(14, -10, -8).ToTransform(Lao, Truth, Truth.Apply(Vec3.Zero));
        var proposal = FluoroscopyFusion.Propose([Frame(Lao)], Model, new ProposalOptions(SimilarityMethod.GradientCorrelationPositive, Start: start, ModelCentre: Vec3.Zero));

        Assert.Equal(3, proposal.DegreesOfFreedom);
        Assert.InRange(CrossLandmark.InPlaneTreMm(Lao, Truth, proposal.Pose, Vec3.Zero), 0, SyntheticTreToleranceMm);
        var view = Assert.Single(proposal.Views);
        Assert.Equal(proposal.QualityScore, view.Quality.Score);
        Assert.False(proposal.LikelyFailure);
    }

    [Fact]
    public void A_grown_model_refinement_keeps_the_in_plane_answer_relative_to_the_start()
    {
        var start = new InPlanePose(10, -6, 5).ToTransform(Lao, Truth, Truth.Apply(Vec3.Zero));
        var proposal = FluoroscopyFusion.Propose([Frame(Lao)], Model,
            new ProposalOptions(SimilarityMethod.GradientCorrelationPositive, Start: start, ModelCentre: Vec3.Zero, RefineOutlineOffsetMm: 0.5));

        var view = Assert.Single(proposal.Views);
        var recomposed = view.InPlane.ToTransform(Lao, start, start.Apply(Vec3.Zero));
        Assert.InRange(CrossLandmark.Tre3DMm(Lao, proposal.Pose, recomposed, Vec3.Zero), 0, 1e-6);
        Assert.InRange(CrossLandmark.InPlaneTreMm(Lao, Truth, proposal.Pose, Vec3.Zero), 0, SyntheticTreToleranceMm);
    }

    [Fact]
    public void Propose_is_deterministic()
    {
        var options = new ProposalOptions(SimilarityMethod.GradientInformation, Start: Truth.Then(RigidTransform.FromTranslation(new Vec3(6, 4, 0))), ModelCentre: Vec3.Zero);
        var frame = Frame(Lao);
        Assert.Equal(FluoroscopyFusion.Propose([frame], Model, options).Pose.ToMatrix4x4(), FluoroscopyFusion.Propose([frame], Model, options).Pose.ToMatrix4x4());
    }

    [Fact]
    public void Six_degrees_of_freedom_from_one_view_are_refused()
    {
        var error = Assert.Throws<RegistrationInputException>(() => FluoroscopyFusion.Propose([Frame(Lao)], Model, new ProposalOptions(DegreesOfFreedom: 6)));
        Assert.Equal("dof", error.Field);
    }

    [Fact]
    public void Two_views_20_degrees_apart_are_refused_as_too_close()
    {
        var near = SyntheticScene.View(20, 0, size: 300, pixelMm: 0.8);
        var error = Assert.Throws<ViewsTooCloseException>(() => FluoroscopyFusion.Propose([Frame(Lao), Frame(near)], Model, new ProposalOptions(Start: Truth)));
        Assert.InRange(error.SeparationDeg, 19.9, 20.1);
    }

    private static (ModelLandmark[] Landmarks, LandmarkClick[] Clicks) Picks(CArmGeometry[] views)
    {
        ModelLandmark[] landmarks = [new("apex", new Vec3(0, 0, -45)), new("ostium", new Vec3(20, 5, 25)), new("lateral", new Vec3(-25, 10, 0))];
        var clicks = views.SelectMany((v, i) => landmarks.Select(l => new LandmarkClick(l.Name, i, v.ToProjectionMatrix().Project(Truth.Apply(l.ModelPoint))))).ToArray();
        return (landmarks, clicks);
    }

    [Fact]
    public void Landmarks_in_two_views_give_the_pose_and_residuals_per_pick()
    {
        var (landmarks, clicks) = Picks([Lao, Rao]);
        var result = FluoroscopyFusion.SolveFromLandmarks([Lao, Rao], landmarks, clicks);
        Assert.InRange(CrossLandmark.Tre3DMm(Lao, Truth, result.Pose, Vec3.Zero), 0, 0.01);
        Assert.Equal(6, result.Residuals.Count);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Landmark_views_under_30_degrees_and_picks_outside_the_image_are_refused_by_type()
    {
        var near = SyntheticScene.View(20, 0, size: 300, pixelMm: 0.8);
        var (landmarks, clicks) = Picks([Lao, near]);
        Assert.Throws<ViewsTooCloseException>(() => FluoroscopyFusion.SolveFromLandmarks([Lao, near], landmarks, clicks));

        (landmarks, clicks) = Picks([Lao, Rao]);
        clicks[4] = clicks[4] with { Pixel = new Vec2(-40, 10) };
        var error = Assert.Throws<LandmarkOutsideImageException>(() => FluoroscopyFusion.SolveFromLandmarks([Lao, Rao], landmarks, clicks));
        Assert.Contains("'ostium'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_electrode_click_outside_the_image_is_refused()
    {
        var surface = SegmentedSurface.FromFrame(Model, new LvFrame(Vec3.Zero, Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ, 20, -35), []);
        ElectrodeClick[] clicks = [new(Frame(Lao), new Vec2(150, 150)), new(Frame(Rao), new Vec2(150, 900))];
        Assert.Throws<LandmarkOutsideImageException>(() => FluoroscopyFusion.MeasureElectrode(clicks, Truth, surface, new LeadPlan(null, [], null)));
    }
}
