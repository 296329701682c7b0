using CartLedger.Cmr.Motion;
using CartLedger.Domain.Segments;

namespace CartLedger.Cmr.Tests;

public sealed class ActivationMapTests
{
    private const double Exact = 1e-9;
    private const double NeighbourWeight = 0.5;

    private static SegmentStrain Segment(int number, double? ownMs, double shorteningPercent, bool borrowed = false) =>
        new(SegmentId.Of36(number), [0.0], [0.0], ownMs, ownMs, -shorteningPercent, null, 0, borrowed);

    private static List<SegmentStrain> Map(Func<int, double> ownMs, Func<int, double> shorteningPercent) =>
        [.. Enumerable.Range(1, 36).Select(n => Segment(n, ownMs(n), shorteningPercent(n)))];

    [Fact]
    public void A_uniform_map_stays_as_it_is()
    {
        var map = ActivationMap.Regularise(Map(_ => 400, n => 5 + n % 4), NeighbourWeight);

        Assert.All(map, s => Assert.Equal(400, s.TimeToPeakMs!.Value, Exact));
    }

    [Fact]
    public void A_segment_weighs_itself_once_and_each_edge_neighbour_by_the_weight_times_their_shortening()
    {
        // Mid-anterolateral 2 (segment 24): ring neighbours 23 and 13 (wrapping round), basal 12 above, apical 36 below.
        var segments = Map(n => n switch { 23 => 500, 13 => 300, 12 => 420, 36 => 380, _ => 400 }, n => n == 13 ? 2 : 4);

        var value = ActivationMap.Regularise(segments, NeighbourWeight)[23].TimeToPeakMs!.Value;

        var expected = (4 * 400 + 0.5 * (4 * 500 + 2 * 300 + 4 * 420 + 4 * 380)) / (4 + 0.5 * (4 + 2 + 4 + 4));
        Assert.Equal(expected, value, Exact);
        Assert.Equal(400, ActivationMap.Regularise(segments, NeighbourWeight)[23].OwnTimeToPeakMs!.Value, Exact);
    }

    [Fact]
    public void A_segment_that_does_not_shorten_takes_its_neighbours_time_and_lends_them_nothing()
    {
        // A failed contour: no shortening, and a minimum anywhere (here late, where it would win the proposal).
        var segments = Map(n => n == 22 ? 700 : 380 + n, n => n == 22 ? 0 : 6);

        var map = ActivationMap.Regularise(segments, NeighbourWeight);

        Assert.Equal((380 + 21 + 380 + 23 + 380 + 10 + 380 + 34) / 4.0, map[21].TimeToPeakMs!.Value, Exact);
        Assert.Equal(380 + 23, map[22].TimeToPeakMs!.Value, 1.0);
        Assert.True(map.All(s => s.TimeToPeakMs < 450), "no segment inherits the failed segment's 700 ms");
    }

    [Fact]
    public void Borrowed_segments_lend_nothing_unmeasured_ones_stay_unmeasured_and_a_zero_weight_keeps_every_own_time()
    {
        var segments = Map(n => 400, _ => 5);
        segments[0] = Segment(1, 600, 5, borrowed: true);

        segments[35] = Segment(36, null, 0);

        var map = ActivationMap.Regularise(segments, NeighbourWeight);

        Assert.Equal(400, map[1].TimeToPeakMs!.Value, Exact);
        Assert.Null(map[35].TimeToPeakMs);
        Assert.Same(segments, ActivationMap.Regularise(segments, 0));
    }

    [Fact]
    public void One_segment_late_by_noise_does_not_move_the_latest_activated_segment()
    {
        // A smooth LBBB-like map, latest at mid-inferolateral 1 (segment 21, theta 180-210, 420 ms; its ring neighbours
        // 412 ms), and mid-anterolateral 1 (segment 23, two sectors on, 390 ms) made 40 ms late by tracking noise.
        static double Truth(int n) => 300 + 60 * (1 - Math.Cos((SegmentModels.ThirtySix[n].Range.CentreDeg - 15) * Math.PI / 180)) - 15 * Math.Abs((n - 1) / 12 - 1);
        var noisy = Map(n => Truth(n) + (n == 23 ? 40 : 0), _ => 6);
        var eligible = Enumerable.Range(1, 36).Where(n => !SegmentModels.ThirtySix[n].IsSeptal).ToList();

        var map = ActivationMap.Regularise(noisy, NeighbourWeight);

        Assert.Equal(23, eligible.MaxBy(n => noisy[n - 1].OwnTimeToPeakMs));
        Assert.Equal(21, eligible.MaxBy(n => map[n - 1].TimeToPeakMs));
    }
}
