using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Overlay;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Registration.Tests.Fusion;

public class FusionOverlayTests
{
    private static readonly TriangleMesh Model = SyntheticScene.LeftVentricle(Vec3.Zero);
    private static readonly RigidTransform Pose = new(Mat3.FromEulerDeg(0, 0, 10), new Vec3(8, -12, 15));

    private static XrayFrame Frame(CArmGeometry view) => new(view, new Image2D(view.Columns, view.Rows, [.. Enumerable.Repeat(100f, view.Columns * view.Rows)]));

    private static OverlayScene Scene() => new(
        Model,
        ScarVertices: [.. Model.Vertices.Select(v => v.Z > 20)],
        TargetVertices: [.. Model.Vertices.Select(v => v.Z < -25)],
        PhrenicNerve: [new Vec3(-40, 0, -40), new Vec3(-40, 0, 40)],
        CoronarySinusOstium: new Vec3(20, 5, 25));

    private static int Count(RgbImage picture, RgbColour colour, Func<int, int, bool>? where = null)
    {
        var n = 0;
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                if (picture[x, y] == (colour.R, colour.G, colour.B) && (where?.Invoke(x, y) ?? true))
                {
                    n++;
                }
            }
        }
        return n;
    }

    [Fact]
    public void Every_structure_shows_in_its_own_colour_and_the_outline_follows_each_views_geometry()
    {
        foreach (var view in new[] { SyntheticScene.View(40, 0, 320, 0.8), SyntheticScene.View(-30, 10, 320, 0.8) })
        {
            var picture = FusionOverlay.Render(Frame(view), Pose, Scene());
            var outline = SilhouetteMask.Project(Model, Pose, view.ToProjectionMatrix(), PixelGrid.Detector(view)).Outline();
            // The legend sits top left; below it every outline pixel of this view's projection is drawn.
            // (The nerve and the ostium ring are drawn last and may cross the outline.)
            bool Below(int x, int y) => y > 80 && outline[y * view.Columns + x];
            var drawn = Count(picture, FusionOverlay.EpicardiumColour, Below) + Count(picture, FusionOverlay.PhrenicNerveColour, Below) + Count(picture, FusionOverlay.OstiumColour, Below);
            var expected = Enumerable.Range(0, outline.Length).Count(i => outline[i] && i / view.Columns > 80);
            Assert.Equal(expected, drawn);
            Assert.True(Count(picture, FusionOverlay.PhrenicNerveColour) > 20);
            Assert.True(Count(picture, FusionOverlay.OstiumColour) > 10);
            // Tinted fills are blends: check that the scar and target areas moved towards their colours.
            Assert.Contains(Enumerable.Range(0, picture.Width * picture.Height), i => picture.Rgb[3 * i] > picture.Rgb[3 * i + 1] + 40);
            Assert.Contains(Enumerable.Range(0, picture.Width * picture.Height), i => picture.Rgb[3 * i + 1] > picture.Rgb[3 * i] + 40);
        }
    }

    [Fact]
    public void The_overlay_is_a_valid_rgb_secondary_capture_keeping_its_pixels()
    {
        var view = SyntheticScene.View(40, 0, 160, 1.6);
        var picture = FusionOverlay.Render(Frame(view), Pose, Scene());
        var path = Path.Combine(RepoPaths.ScratchFolder("overlay-sc"), "overlay.dcm");
        FusionOverlay.WriteSecondaryCapture(path, picture, "TEST-1", null, "CartLedger overlay LAO 40");

        var read = DicomValidators.AssertValid(path);
        Assert.Equal([160, 160, 3], read.PixelShape);
        Assert.Equal(picture.Rgb.Select(b => (double)b), read.PixelValues);
    }

    [Fact]
    public void The_CT_model_sets_nerve_and_ostium_follow_the_CT_pose_not_the_CMR_pose()
    {
        var view = SyntheticScene.View(40, 0, 320, 0.8);
        // A CT from another day: its frame lies 40 mm along the body axis from the CMR's.
        var nerveCt = new[] { new Vec3(-40, 0, 0), new Vec3(-40, 0, 80) };
        var ctPose = RigidTransform.FromTranslation(new Vec3(0, 0, -40)).Then(Pose);
        var scene = Scene() with { PhrenicNerve = null, CoronarySinusOstium = null, Ct = new CtModelOverlay(ctPose, nerveCt, new Vec3(20, 5, 65)) };

        var picture = FusionOverlay.Render(Frame(view), Pose, scene);

        var projection = view.ToProjectionMatrix();
        var drawnAt = projection.Project(ctPose.Apply(new Vec3(-40, 0, 40)));
        var cmrPoseWouldDrawAt = projection.Project(Pose.Apply(new Vec3(-40, 0, 40)));
        Assert.Equal((FusionOverlay.PhrenicNerveColour.R, FusionOverlay.PhrenicNerveColour.G, FusionOverlay.PhrenicNerveColour.B), picture[(int)Math.Round(drawnAt.X), (int)Math.Round(drawnAt.Y)]);
        Assert.True(drawnAt.DistanceTo(cmrPoseWouldDrawAt) > 20);
        Assert.True(Count(picture, FusionOverlay.OstiumColour) > 10);
    }
}
