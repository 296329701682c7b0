using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Register;

/// <summary>`register` end to end on a small phantom: a pose file, overlays that validate, and one clear line for bad input.</summary>
public class RegisterVerbTests
{
    /// <summary>Seed 3's success criterion; the start is 12 mm and 8 degrees off.</summary>
    private const double SuccessTreMm = 5;

    private static RegistrationScene Scene => RegistrationScene.Instance;

    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.RunAsync(args, new Terminal(output, error, interactive: false)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static RigidTransform ReadPose(string path, out JsonElement root)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        root = document.RootElement.Clone();
        return RigidTransform.FromMatrix4x4([.. root.GetProperty("modelToPatientLps").EnumerateArray().Select(v => v.GetDouble())]);
    }

    [Fact]
    public void One_view_registration_writes_the_pose_and_a_png_overlay()
    {
        var pose = Scene.Scratch("pose.json");
        var overlay = Path.ChangeExtension(pose, ".png");
        var (code, _, error) = Run("register", "--xray", Scene.Lao, "--model", Scene.Model, "--init", Scene.Init, "--out", pose, "--overlay", overlay);

        Assert.True(code == ExitCodes.Success, error);
        var found = ReadPose(pose, out var root);
        Assert.Equal("gc+", root.GetProperty("method").GetString()); // the default: the best single-view method on the phantom bench
        Assert.Equal(3, root.GetProperty("degreesOfFreedom").GetInt32());
        Assert.InRange(root.GetProperty("qualityScore").GetDouble(), 0, 1);
        Assert.InRange(CrossLandmark.InPlaneTreMm(Scene.Geometry[0], Scene.Truth[0], found, Scene.CentreModel), 0, SuccessTreMm);
        var picture = PictureValidators.ReadWithPillow(overlay);
        Assert.Equal(("RGB", Scene.Geometry[0].Columns, Scene.Geometry[0].Rows), (picture.Mode, picture.Width, picture.Height));
    }

    [Fact]
    public void Landmarks_in_two_views_give_the_pose_with_residuals_and_valid_secondary_captures_for_each_view()
    {
        var pose = Scene.Scratch("pose.json");
        var overlay = Path.ChangeExtension(pose, ".dcm");
        var (code, output, error) = Run("register", "--xray", Scene.Lao, "--xray", Scene.Rao, "--model", Scene.Model, "--landmarks", Scene.Landmarks, "--out", pose, "--overlay", overlay);

        Assert.True(code == ExitCodes.Success, error);
        var found = ReadPose(pose, out var root);
        Assert.Equal("landmark", root.GetProperty("method").GetString());
        Assert.Equal(6, root.GetProperty("landmarkResiduals").GetArrayLength());
        Assert.Contains("CS ostium", output, StringComparison.Ordinal);
        // The views are taken at different breathing moments, so one rigid pose fits both only to a few mm.
        Assert.InRange(CrossLandmark.InPlaneTreMm(Scene.Geometry[0], Scene.Truth[0], found, Scene.CentreModel), 0, SuccessTreMm);
        foreach (var path in new[] { overlay, Path.ChangeExtension(overlay, null) + ".view2.dcm" })
        {
            var read = DicomValidators.AssertValid(path);
            Assert.Equal([Scene.Geometry[0].Rows, Scene.Geometry[0].Columns, 3], read.PixelShape);
        }
    }

    [Fact]
    public void An_image_without_c_arm_geometry_is_refused_naming_the_positioner()
    {
        var (code, output, error) = Run("register", "--xray", Scene.Ct, "--model", Scene.Model, "--out", Scene.Scratch("pose.json"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("positioner geometry", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_less_than_30_degrees_apart_are_refused()
    {
        var pose = Scene.Scratch("pose.json");
        var (code, _, error) = Run("register", "--xray", Scene.Lao, "--xray", Scene.TooClose, "--model", Scene.Model, "--dof", "6", "--out", pose);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("20 degrees apart", error, StringComparison.Ordinal);
        Assert.False(File.Exists(pose));
    }

    [Fact]
    public void A_landmark_outside_the_image_is_refused_naming_it()
    {
        var (code, _, error) = Run("register", "--xray", Scene.Lao, "--xray", Scene.Rao, "--model", Scene.Model, "--landmarks", Scene.LandmarksOutside, "--out", Scene.Scratch("pose.json"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("'LV apex'", error, StringComparison.Ordinal);
        Assert.Contains("outside", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method", "mi", "--method")]
    [InlineData("--dof", "5", "--dof")]
    [InlineData("--overlay", "x.jpg", "--overlay")]
    public void A_bad_option_exits_2_naming_it(string option, string value, string named)
    {
        var (code, output, error) = Run("register", "--xray", Scene.Lao, "--model", Scene.Model, "--out", Scene.Scratch("pose.json"), option, value);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CT_folder_without_a_CT_volume_is_refused_naming_the_folder()
    {
        var empty = RepoPaths.ScratchFolder("register-ct-empty");
        var (code, _, error) = Run("register", "--xray", Scene.Lao, "--ct", empty, "--out", Scene.Scratch("ct-pose.json"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains(empty, error, StringComparison.Ordinal);
        Assert.Contains("no CT volume", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CT_centre_that_is_not_three_numbers_exits_2_naming_the_option()
    {
        var (code, _, error) = Run("register", "--xray", Scene.Lao, "--ct", RepoPaths.ScratchFolder("register-ct-centre"), "--ct-centre", "1,2", "--out", Scene.Scratch("ct-pose.json"));
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("--ct-centre", error, StringComparison.Ordinal);
    }
}
