namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>Where in the wall a scar lies: from the endocardium (ischaemic), in the mid-wall or under the epicardium (non-ischaemic).</summary>
public enum ScarLayer
{
    Subendocardial,
    MidWall,
    Subepicardial,
}

/// <summary>Scar requested in one 36-segment: the fraction of the wall it spans (0-100 %) and its layer.</summary>
public sealed record ScarSpec(int Segment36, double TransmuralityPercent, ScarLayer Layer = ScarLayer.Subendocardial)
{
    public void Validate()
    {
        if (Segment36 is < 1 or > 36)
        {
            throw new ArgumentException($"scar segment {Segment36} is not a 36-segment number (1-36)");
        }
        if (TransmuralityPercent is <= 0 or > 100)
        {
            throw new ArgumentException($"scar transmurality {TransmuralityPercent} % of segment {Segment36} is outside (0, 100]");
        }
    }
}
