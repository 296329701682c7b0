using CartLedger.Cmr.Segmentation;

namespace CartLedger.Cmr.Tests;

public sealed class ClosedPathSearchTests
{
    [Fact]
    public void A_single_cheapest_radius_on_every_ray_is_followed_all_round()
    {
        const int angles = 48, radii = 40;
        var cost = new float[angles * radii];
        for (var a = 0; a < angles; a++)
        {
            for (var r = 0; r < radii; r++)
            {
                cost[a * radii + r] = r == 17 ? -1 : 0;
            }
        }
        var path = ClosedPathSearch.Find(cost, angles, radii, maxStep: 2, stepPenalty: 0.1);
        Assert.All(path, r => Assert.Equal(17, r));
    }

    [Fact]
    public void The_path_closes_and_never_steps_further_than_allowed()
    {
        const int angles = 64, radii = 50;
        var cost = new float[angles * radii];
        for (var a = 0; a < angles; a++)
        {
            // Cheapest radius jumps from 10 to 30 half way round: the path must ramp, at most 2 per step.
            var best = a < angles / 2 ? 10 : 30;
            for (var r = 0; r < radii; r++)
            {
                cost[a * radii + r] = Math.Abs(r - best);
            }
        }
        var path = ClosedPathSearch.Find(cost, angles, radii, maxStep: 2, stepPenalty: 0.01);
        for (var a = 0; a < angles; a++)
        {
            Assert.InRange(Math.Abs(path[(a + 1) % angles] - path[a]), 0, 2);
        }
        Assert.Equal(10, path[angles / 4]);
        Assert.Equal(30, path[3 * angles / 4]);
    }
}
