using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Benchmark;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Benchmark;

public class PerturbationProtocolTests
{
    [Fact]
    public void The_start_poses_reproduce_seed_3s_start_row()
    {
        // Seed 3, Table 1, "Start": mean 22.80, SD 10.50, median 21.42, 90th percentile 36.96 mm.
        var view = SyntheticScene.View(40, 0);
        var truth = new RigidTransform(Mat3.FromEulerDeg(0, 0, 20), new Vec3(10, -5, 3));
        var centre = new Vec3(2, 3, 4);
        var random = new Random(3);
        var errors = Enumerable.Range(0, 4000).Select(_ =>
            CrossLandmark.InPlaneTreMm(view, truth, PerturbationProtocol.Draw(random).ToTransform(view, truth, truth.Apply(centre)), centre)).ToArray();
        var start = ErrorStatistics.Of(errors);
        Assert.InRange(start.MeanMm, 22.8 - 1.0, 22.8 + 1.0);
        Assert.InRange(start.SdMm, 10.5 - 1.0, 10.5 + 1.0);
        Assert.InRange(start.MedianMm, 21.42 - 1.5, 21.42 + 1.5);
        Assert.InRange(start.P90Mm, 36.96 - 1.5, 36.96 + 1.5);
    }

    [Fact]
    public void Statistics_follow_their_definitions()
    {
        var s = ErrorStatistics.Of([1, 2, 3, 4, 10]);
        Assert.Equal(4, s.MeanMm, 12);
        Assert.Equal(Math.Sqrt((9 + 4 + 1 + 0 + 36) / 4.0), s.SdMm, 12);
        Assert.Equal(3, s.MedianMm, 12);
        Assert.Equal(4 + 0.6 * 6, s.P90Mm, 12);
        Assert.Equal(0.8, s.SuccessRate, 12);
    }
}
