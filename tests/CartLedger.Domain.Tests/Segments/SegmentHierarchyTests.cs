using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Tests.Segments;

public class SegmentHierarchyTests
{
    [Fact]
    public void Each_36_segment_maps_to_exactly_one_18_segment_that_contains_it()
    {
        foreach (var child in SegmentModels.ThirtySix.Segments)
        {
            var parent = SegmentModels.Describe(SegmentHierarchy.ToEighteen(child.Id));
            Assert.Equal(child.Level, parent.Level);
            Assert.Equal(child.Wall, parent.Wall);
            Assert.Equal(child.Range.WidthDeg, child.Range.OverlapDeg(parent.Range));
        }
    }

    [Fact]
    public void Each_18_segment_maps_to_the_AHA_17_segment_it_overlaps_most()
    {
        foreach (var segment in SegmentModels.Eighteen.Segments)
        {
            var mapped = SegmentHierarchy.ToAha17(segment.Id);
            var best = SegmentModels.Aha17.Segments.Where(s => s.Level == segment.Level)
                .OrderByDescending(s => s.Range.OverlapDeg(segment.Range)).First();
            Assert.Equal(best.Id, mapped);
        }
        Assert.Equal(SegmentId.Aha17(14), SegmentHierarchy.ToAha17(SegmentId.Of18(14)));
        Assert.Equal(SegmentId.Aha17(14), SegmentHierarchy.ToAha17(SegmentId.Of18(15)));
        Assert.Equal(SegmentId.Aha17(16), SegmentHierarchy.ToAha17(SegmentId.Of18(18)));
        Assert.Equal(SegmentId.Aha17(17), SegmentHierarchy.ToAha17(SegmentId.ApicalCap(SegmentModelKind.ThirtySix)));
    }

    [Fact]
    public void Mapping_to_a_finer_model_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SegmentHierarchy.ToModel(SegmentId.Aha17(3), SegmentModelKind.ThirtySix));
        Assert.Throws<ArgumentException>(() => SegmentHierarchy.ToEighteen(SegmentId.Of18(3)));
    }
}
