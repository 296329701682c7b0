namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Acquisition attributes of an X-ray angiography (XA) run (PS3.3 C.8.7.1, C.8.7.2, C.7.6.5). The C-arm
/// geometry itself comes from <see cref="Geometry.CArmGeometry"/>.
/// </summary>
public sealed record XaImageAttributes
{
    public double KvP { get; init; } = 80;
    public int? TubeCurrentMa { get; init; } = 10;
    public int? ExposureTimeMs { get; init; } = 8;

    /// <summary>RadiationSetting (0018,1155): "GR" (graphy, acquisition) or "SC" (scopy, fluoroscopy).</summary>
    public string RadiationSetting { get; init; } = "SC";

    /// <summary>PixelIntensityRelationship (0028,1040): "LIN" (proportional to X-ray intensity), "LOG" or "DISP".</summary>
    public string PixelIntensityRelationship { get; init; } = "LIN";

    /// <summary>FrameTime (0018,1063): ms between frames of a run (66.7 ms at 15 frames per second).</summary>
    public double FrameTimeMs { get; init; } = 66.7;

    /// <summary>ContrastBolusAgent (0018,0010), e.g. "IODINE" for a venogram; null when no contrast.</summary>
    public string? ContrastBolusAgent { get; init; }

    /// <summary>ImageType (0008,0008); value 3 is "SINGLE PLANE", "BIPLANE A" or "BIPLANE B".</summary>
    public IReadOnlyList<string> ImageType { get; init; } = ["ORIGINAL", "PRIMARY", "SINGLE PLANE"];
}
