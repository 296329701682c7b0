using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Tests.Targeting;

public class LeadClassifierTests
{
    [Fact]
    public void A_lead_adjacent_in_36_segments_is_within_in_18_when_both_halves_share_the_parent()
    {
        // Seed 2: "adjacent LVLP, according to 36 segments, can be considered similar to within target in the 18-segment model".
        var target = SegmentId.Of36(23);  // mid anterolateral 1 ("mid-lateral 1")
        var lead = SegmentId.Of36(24);    // mid anterolateral 2
        var categories = LeadClassifier.ClassifyInAllModels(lead, target);
        Assert.Equal(new LeadCategories(LeadCategory.Adjacent, LeadCategory.Within, LeadCategory.Within), categories);
    }

    [Fact]
    public void A_lead_adjacent_across_a_wall_boundary_stays_adjacent_in_18()
    {
        var categories = LeadClassifier.ClassifyInAllModels(SegmentId.Of36(22), SegmentId.Of36(23)); // mid inferolateral 2 vs mid anterolateral 1
        Assert.Equal(LeadCategory.Adjacent, categories.In36);
        Assert.Equal(LeadCategory.Adjacent, categories.In18);
    }

    [Fact]
    public void Remote_in_36_can_be_adjacent_in_18_which_is_why_seed_2_saw_far_fewer_remote_leads_there()
    {
        var categories = LeadClassifier.ClassifyInAllModels(SegmentId.Of36(21), SegmentId.Of36(24)); // mid inferolateral 1 vs mid anterolateral 2
        Assert.Equal(LeadCategory.Remote, categories.In36);
        Assert.Equal(LeadCategory.Adjacent, categories.In18);
    }

    [Fact]
    public void Diagonal_neighbours_are_remote_by_default_and_adjacent_with_the_switch()
    {
        var lead = SegmentId.Of36(11);   // basal anterolateral 1
        var target = SegmentId.Of36(24); // mid anterolateral 2: diagonal
        Assert.Equal(LeadCategory.Remote, LeadClassifier.Classify(lead, target));
        Assert.Equal(LeadCategory.Adjacent, LeadClassifier.Classify(lead, target, AdjacencyRule.SharedEdgeOrCorner));
    }

    [Fact]
    public void The_same_segment_is_within_and_models_cannot_be_mixed()
    {
        Assert.Equal(LeadCategory.Within, LeadClassifier.Classify(SegmentId.Of18(5), SegmentId.Of18(5)));
        Assert.Throws<ArgumentException>(() => LeadClassifier.Classify(SegmentId.Of18(5), SegmentId.Of36(5)));
        Assert.Throws<ArgumentException>(() => LeadClassifier.ClassifyInAllModels(SegmentId.Of18(5), SegmentId.Of36(5)));
    }
}
