using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Tests.Segments;

public class SegmentModelTests
{
    private const double AreaToleranceCm2 = 1e-9;

    public static TheoryData<SegmentModelKind> Models => [SegmentModelKind.Aha17, SegmentModelKind.Eighteen, SegmentModelKind.ThirtySix];

    [Theory]
    [MemberData(nameof(Models))]
    public void Each_model_has_its_numbered_segments_and_one_apical_cap(SegmentModelKind kind)
    {
        var model = SegmentModels.Of(kind);
        var numbered = model.Segments.Where(s => !s.IsApicalCap || kind == SegmentModelKind.Aha17).Select(s => s.Id.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, (int)kind), numbered);
        Assert.Single(model.Segments, s => s.IsApicalCap);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Each_level_is_tiled_exactly_once_around_the_circle(SegmentModelKind kind)
    {
        var model = SegmentModels.Of(kind);
        foreach (var level in new[] { SegmentLevel.Basal, SegmentLevel.Mid, SegmentLevel.Apical })
        {
            var ring = model.Segments.Where(s => s.Level == level).ToList();
            Assert.Equal(360, ring.Sum(s => s.Range.WidthDeg));
            for (var theta = 0; theta < 360; theta++)
            {
                Assert.Single(ring, s => s.Range.Contains(theta + 0.5));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Adjacency_is_symmetric_and_irreflexive(SegmentModelKind kind)
    {
        var model = SegmentModels.Of(kind);
        foreach (var rule in Enum.GetValues<AdjacencyRule>())
        {
            foreach (var a in model.Segments)
            {
                Assert.False(model.AreAdjacent(a.Id, a.Id, rule));
                foreach (var b in model.Segments)
                {
                    Assert.Equal(model.AreAdjacent(a.Id, b.Id, rule), model.AreAdjacent(b.Id, a.Id, rule));
                }
            }
        }
    }

    [Fact]
    public void In_36_segments_a_mid_segment_has_four_edge_neighbours_and_eight_with_corners()
    {
        var model = SegmentModels.ThirtySix;
        Assert.All(model.Segments.Where(s => s.Level == SegmentLevel.Mid), s =>
        {
            Assert.Equal(4, model.Neighbours(s.Id).Count);
            Assert.Equal(8, model.Neighbours(s.Id, AdjacencyRule.SharedEdgeOrCorner).Count);
        });
        // Basal: two in the ring and one mid below; apical: two in the ring, one mid above and the cap.
        Assert.All(model.Segments.Where(s => s.Level == SegmentLevel.Basal), s => Assert.Equal(3, model.Neighbours(s.Id).Count));
        Assert.All(model.Segments.Where(s => s.Level == SegmentLevel.Apical), s => Assert.Equal(4, model.Neighbours(s.Id).Count));
        Assert.Equal(12, model.Neighbours(SegmentId.ApicalCap(SegmentModelKind.ThirtySix)).Count);
        var edges = model.Segments.Sum(s => model.Neighbours(s.Id).Count) / 2;
        Assert.Equal(3 * 12 + 2 * 12 + 12, edges);
    }

    [Fact]
    public void In_AHA_17_a_mid_segment_touches_the_apical_sectors_it_overlaps()
    {
        var model = SegmentModels.Aha17;
        // Mid anteroseptal (8) spans theta [0, 60): apical anterior [285, 15) and septal [15, 105).
        Assert.Equal([2, 7, 9, 13, 14], model.Neighbours(SegmentId.Aha17(8)).Select(s => s.Number));
        Assert.Equal([8, 9, 13, 15, 17], model.Neighbours(SegmentId.Aha17(14)).Select(s => s.Number));
        Assert.Equal([13, 14, 15, 16], model.Neighbours(SegmentId.Aha17(17)).Select(s => s.Number));
    }

    [Fact]
    public void Names_follow_the_AHA_and_seed_2_wording()
    {
        Assert.Equal("basal anterior", SegmentModels.Aha17[1].Name);
        Assert.Equal("apical septal", SegmentModels.Aha17[14].Name);
        Assert.Equal("apical cap", SegmentModels.Aha17[17].Name);
        Assert.Equal("apical anterolateral", SegmentModels.Eighteen[18].Name);
        Assert.Equal("basal anterior 1", SegmentModels.ThirtySix[1].Name);
        Assert.Equal("mid anterolateral 1", SegmentModels.ThirtySix[23].Name);
        Assert.Equal("mid-lateral 1", SegmentModels.ThirtySix[23].EchoName);
        Assert.Equal("apical-septal 2", SegmentModels.ThirtySix[30].EchoName);
    }

    [Fact]
    public void Half_one_is_met_first_going_counter_clockwise_in_the_bullseye()
    {
        // Counter-clockwise in the bullseye (anterior up, septum left) is increasing theta: half 1 starts at its wall's start.
        Assert.Equal(FirstHalf.CounterClockwiseFirst, SegmentConventions.HalfOne);
        Assert.Equal(300, SegmentModels.ThirtySix[1].Range.StartDeg);
        Assert.Equal(330, SegmentModels.ThirtySix[2].Range.StartDeg);
        Assert.Equal(240, SegmentModels.ThirtySix[23].Range.StartDeg);
        // The anterior wall is centred at 12 o'clock in the bullseye.
        Assert.Equal(0, (SegmentModels.Eighteen[1].Range.CentreDeg + SegmentConventions.BullseyeOffsetDeg) % 360);
    }

    [Fact]
    public void Septal_segments_are_twelve_of_the_36_and_leave_24_candidates()
    {
        var septal = SegmentModels.ThirtySix.Segments.Where(s => s.IsSeptal).Select(s => s.Id.Number).ToList();
        Assert.Equal([3, 4, 5, 6, 15, 16, 17, 18, 27, 28, 29, 30], septal);
        Assert.Equal(24, SegmentModels.ThirtySix.RingSegments.Count(s => !s.IsSeptal));
    }

    [Fact]
    public void Areas_add_up_from_36_to_18_to_AHA_17_and_to_the_whole_ventricle()
    {
        foreach (var kind in new[] { SegmentModelKind.Aha17, SegmentModelKind.Eighteen, SegmentModelKind.ThirtySix })
        {
            Assert.Equal(ReferenceLeftVentricle.TotalAreaCm2, SegmentModels.Of(kind).Segments.Sum(s => s.NominalAreaCm2), AreaToleranceCm2);
        }
        foreach (var parent in SegmentModels.Eighteen.Segments)
        {
            var children = SegmentHierarchy.ThirtySixChildrenOf(parent.Id);
            Assert.Equal(parent.IsApicalCap ? 1 : 2, children.Count);
            Assert.Equal(parent.NominalAreaCm2, children.Sum(c => SegmentModels.Describe(c).NominalAreaCm2), AreaToleranceCm2);
        }
        // Mid segments are smaller than basal ones, as seed 2 measured (4.3 vs 6.7 cm^2).
        Assert.True(SegmentModels.ThirtySix[13].NominalAreaCm2 < SegmentModels.ThirtySix[1].NominalAreaCm2);
        Assert.InRange(SegmentModels.ThirtySix[13].NominalAreaCm2, 3.1, 5.5);
    }

    [Fact]
    public void Segment_numbers_outside_a_model_are_rejected_with_the_model_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentId.Of36(37));
        Assert.Contains("36-segment", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentId.Aha17(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentId.Of18(-1));
        Assert.Throws<ArgumentException>(() => SegmentModels.ThirtySix.Neighbours(SegmentId.Of18(3)));
    }
}
