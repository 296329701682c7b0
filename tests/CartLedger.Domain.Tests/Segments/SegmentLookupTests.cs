using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Tests.Segments;

public class SegmentLookupTests
{
    [Theory]
    [InlineData(0.0, 0.0, 3, 2, 2)]      // base, at the anterior RV insertion: anteroseptal half 1
    [InlineData(0.1, 359.9, 2, 1, 1)]    // just before it: anterior half 2
    [InlineData(0.5, 250.0, 23, 12, 12)] // mid anterolateral half 1 ("mid-lateral 1")
    [InlineData(0.5, 90.0, 18, 9, 9)]    // mid inferoseptal half 2
    [InlineData(1.0 / 3, 0.0, 15, 8, 8)] // a level boundary belongs to the level that starts there
    [InlineData(0.9, 10.0, 27, 14, 13)]  // apical anteroseptal 1 lies in AHA apical anterior [285, 15)
    [InlineData(0.9, 60.0, 29, 15, 14)]  // apical septal is centred on theta 60
    [InlineData(1.0, 200.0, 33, 17, 16)] // apical inferolateral half 1 -> apical lateral
    public void A_point_maps_to_one_segment_of_each_model(double fraction, double theta, int s36, int s18, int aha)
    {
        var location = SegmentLookup.Locate(fraction, theta);
        Assert.Equal(SegmentId.Of36(s36), location.Segment36);
        Assert.Equal(SegmentId.Of18(s18), location.Segment18);
        Assert.Equal(SegmentId.Aha17(aha), location.Aha17);
    }

    [Fact]
    public void Angles_wrap_around_the_circle()
    {
        Assert.Equal(SegmentLookup.Locate(0.5, 250), SegmentLookup.Locate(0.5, 250 - 720));
        Assert.Equal(SegmentLookup.Locate(0.5, 10), SegmentLookup.Locate(0.5, 370));
    }

    [Fact]
    public void The_18_segment_of_a_point_is_always_the_parent_of_its_36_segment_and_AHA_17_agrees_outside_the_apex()
    {
        var random = new Random(17);
        for (var i = 0; i < 5000; i++)
        {
            var location = SegmentLookup.Locate(random.NextDouble(), random.NextDouble() * 720 - 360);
            Assert.Equal(SegmentHierarchy.ToEighteen(location.Segment36), location.Segment18);
            var tabled = SegmentHierarchy.ToAha17(location.Segment36);
            var level = SegmentModels.Describe(location.Segment36).Level;
            if (level != SegmentLevel.Apical)
            {
                Assert.Equal(tabled, location.Aha17);
            }
        }
    }

    [Fact]
    public void At_the_apex_the_geometric_AHA_17_segment_differs_from_the_table_only_within_15_degrees_of_a_boundary()
    {
        for (var theta = 0.25; theta < 360; theta += 0.5)
        {
            var location = SegmentLookup.Locate(0.9, theta);
            if (SegmentHierarchy.ToAha17(location.Segment36) != location.Aha17)
            {
                var nearest = new[] { 15, 105, 195, 285 }.Min(b => Math.Abs(((theta - b + 540) % 360) - 180));
                Assert.True(nearest < 15, $"theta {theta} disagrees {nearest} deg from a boundary");
            }
        }
    }

    [Fact]
    public void Level_fractions_outside_0_to_1_are_rejected_and_the_cap_has_its_own_location()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentLookup.Locate(-0.01, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentLookup.Locate(1.01, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentLookup.Locate(0.5, double.NaN));
        Assert.True(SegmentLookup.ApicalCap.Segment36.IsApicalCap);
        Assert.Equal(SegmentId.Aha17(17), SegmentLookup.ApicalCap.Aha17);
    }
}
