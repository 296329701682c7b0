namespace CartLedger.Projections.Running;

/// <summary>Inline: applied in the append's transaction (never behind). Async: applied by the daemon shortly after.</summary>
public enum ProjectionMode
{
    Inline,
    Async,
}
