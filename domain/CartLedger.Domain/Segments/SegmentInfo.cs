namespace CartLedger.Domain.Segments;

/// <summary>
/// One segment as data: its id, names, level, wall (and half in the 36-segment model), angular range in theta and
/// nominal epicardial area on the reference ventricle (<see cref="ReferenceLeftVentricle"/>).
/// </summary>
/// <param name="Id">Model and number.</param>
/// <param name="Name">AHA wording, e.g. "mid anterolateral 1" (36), "basal inferoseptal" (18 and AHA 17).</param>
/// <param name="EchoName">The echo synonyms seed 2 uses (inferoseptal = septal, inferolateral = posterior,
/// anterolateral = lateral), e.g. "mid-lateral 1".</param>
/// <param name="Level">Basal, mid, apical or apical cap.</param>
/// <param name="Wall">The wall (AHA wording).</param>
/// <param name="Half">1 or 2 in the 36-segment model (see <see cref="SegmentConventions.HalfOne"/>), 0 otherwise.</param>
/// <param name="Range">Angular range in theta; the full circle for the apical cap.</param>
/// <param name="NominalAreaCm2">Epicardial area on the reference ventricle, cm^2; a patient's own areas come from the mesh.</param>
public sealed record SegmentInfo(
    SegmentId Id,
    string Name,
    string EchoName,
    SegmentLevel Level,
    Wall Wall,
    int Half,
    AngularRange Range,
    double NominalAreaCm2)
{
    /// <summary>Anteroseptal or inferoseptal (or the AHA 17 apical septal): excluded as a target (seed 1).</summary>
    public bool IsSeptal => Wall is Wall.Anteroseptal or Wall.Inferoseptal or Wall.Septal;

    public bool IsApicalCap => Level == SegmentLevel.ApicalCap;

    /// <summary>"36:17 mid anterolateral 1" style label for explanations and timelines.</summary>
    public string Label => $"{Id} {Name}";
}
