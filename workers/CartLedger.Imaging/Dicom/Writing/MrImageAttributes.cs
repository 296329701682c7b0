namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Acquisition attributes of an MR image (PS3.3 C.8.3.1). Defaults describe a 2D steady-state gradient echo
/// (SSFP cine) at 1.5 T; set <see cref="TriggerTimeMs"/> and <see cref="CardiacNumberOfImages"/> for cine, and
/// e.g. ScanningSequence "GR\IR" with <see cref="InversionTimeMs"/> for LGE.
/// </summary>
public sealed record MrImageAttributes
{
    /// <summary>ScanningSequence (0018,0020), backslash-separated: SE, IR, GR, EP, RM.</summary>
    public string ScanningSequence { get; init; } = "GR";

    /// <summary>SequenceVariant (0018,0021), backslash-separated: SK, MTC, SS, TRSS, SP, MP, OSP, NONE.</summary>
    public string SequenceVariant { get; init; } = "SS";

    /// <summary>ScanOptions (0018,0022), e.g. "CG" (cardiac gating); empty for none.</summary>
    public string ScanOptions { get; init; } = "CG";

    /// <summary>MRAcquisitionType (0018,0023): "2D" or "3D".</summary>
    public string AcquisitionType { get; init; } = "2D";

    public double? RepetitionTimeMs { get; init; } = 3.0;
    public double? EchoTimeMs { get; init; } = 1.5;
    public double? InversionTimeMs { get; init; }
    public double? FlipAngleDeg { get; init; } = 60;
    public int? EchoTrainLength { get; init; } = 1;
    public double MagneticFieldStrengthT { get; init; } = 1.5;

    /// <summary>SliceThickness (0018,0050): the excited thickness, mm (not the spacing between slices).</summary>
    public double SliceThicknessMm { get; init; } = 8;

    /// <summary>SpacingBetweenSlices (0018,0088), mm; informative only, readers derive spacing from positions.</summary>
    public double? SpacingBetweenSlicesMm { get; init; }

    /// <summary>TriggerTime (0018,1060): ms after the R wave, for ECG-gated images.</summary>
    public double? TriggerTimeMs { get; init; }

    /// <summary>CardiacNumberOfImages (0018,1090): phases per R-R interval in a cine.</summary>
    public int? CardiacNumberOfImages { get; init; }

    /// <summary>NominalInterval (0018,1062): the R-R interval, ms.</summary>
    public int? NominalIntervalMs { get; init; }

    /// <summary>ContrastBolusAgent (0018,0010), e.g. "GADOLINIUM" for LGE; null when no contrast.</summary>
    public string? ContrastBolusAgent { get; init; }

    public int? AcquisitionNumber { get; init; }

    /// <summary>ImageType (0008,0008) values.</summary>
    public IReadOnlyList<string> ImageType { get; init; } = ["ORIGINAL", "PRIMARY"];
}

/// <summary>Acquisition attributes of a CT image (PS3.3 C.8.2.1).</summary>
public sealed record CtImageAttributes
{
    public double KvP { get; init; } = 120;
    public double SliceThicknessMm { get; init; } = 1;
    public string? ConvolutionKernel { get; init; }
    public int? AcquisitionNumber { get; init; } = 1;
    public IReadOnlyList<string> ImageType { get; init; } = ["ORIGINAL", "PRIMARY", "AXIAL"];
}
