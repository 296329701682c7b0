using CartLedger.Domain.Segments;

namespace CartLedger.Domain.LeadPlacement;

/// <summary>Where the LV lead ended up relative to the primary target (SCIENCE.md 7, seed 2, TARGET trial).</summary>
public enum LeadCategory
{
    /// <summary>The lead's segment is the primary target's segment.</summary>
    Within,

    /// <summary>Graph distance 1 in the model's adjacency.</summary>
    Adjacent,

    /// <summary>Graph distance 2 or more.</summary>
    Remote,
}

/// <summary>The lead category in every model, from the 36-segments of lead and primary target.</summary>
public sealed record LeadCategories(LeadCategory In36, LeadCategory In18, LeadCategory InAha17);

/// <summary>
/// The lead category rule. Distances in mm come from the registration; this rule only needs segments. Both segments
/// are mapped to coarser models through <see cref="SegmentHierarchy"/>, so seed 2's observation holds by
/// construction: a lead "adjacent" in 36 segments whose half shares the target's 18-segment is "within" there.
/// </summary>
public static class LeadClassifier
{
    /// <summary>The category of <paramref name="lead"/> relative to <paramref name="primaryTarget"/>, both in one model.</summary>
    public static LeadCategory Classify(SegmentId lead, SegmentId primaryTarget, AdjacencyRule rule = AdjacencyRule.SharedEdge)
    {
        if (lead.Model != primaryTarget.Model)
        {
            throw new ArgumentException($"lead {lead} and target {primaryTarget} are in different models; map them first (SegmentHierarchy)", nameof(primaryTarget));
        }
        return SegmentModels.Of(lead.Model).GraphDistance(lead, primaryTarget, rule) switch
        {
            0 => LeadCategory.Within,
            1 => LeadCategory.Adjacent,
            _ => LeadCategory.Remote,
        };
    }

    /// <summary>The category in the 36-, 18- and AHA 17-segment models from the two 36-segments.</summary>
    public static LeadCategories ClassifyInAllModels(SegmentId lead36, SegmentId primaryTarget36, AdjacencyRule rule = AdjacencyRule.SharedEdge)
    {
        lead36.Require(SegmentModelKind.ThirtySix, nameof(lead36));
        primaryTarget36.Require(SegmentModelKind.ThirtySix, nameof(primaryTarget36));
        return new LeadCategories(
            Classify(lead36, primaryTarget36, rule),
            Classify(SegmentHierarchy.ToEighteen(lead36), SegmentHierarchy.ToEighteen(primaryTarget36), rule),
            Classify(SegmentHierarchy.ToAha17(lead36), SegmentHierarchy.ToAha17(primaryTarget36), rule));
    }
}
