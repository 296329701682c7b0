namespace CartLedger.Domain.Segments;

/// <summary>When two segments count as adjacent (SCIENCE.md 5).</summary>
public enum AdjacencyRule
{
    /// <summary>The default: the segments share an edge (same level and neighbouring sector, wrapping round, or
    /// neighbouring levels with overlapping sectors; the apical cap touches every apical segment).</summary>
    SharedEdge,

    /// <summary>Also diagonal neighbours: neighbouring levels whose sectors only touch at a corner.</summary>
    SharedEdgeOrCorner,
}
