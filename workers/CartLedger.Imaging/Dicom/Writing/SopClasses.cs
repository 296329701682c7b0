namespace CartLedger.Imaging.Dicom;

/// <summary>The SOP classes this project writes (PS3.4 B.5), and a readable name for the common ones it reads.</summary>
public static class SopClasses
{
    public const string CtImage = "1.2.840.10008.5.1.4.1.1.2";
    public const string MrImage = "1.2.840.10008.5.1.4.1.1.4";
    public const string XRayAngiographicImage = "1.2.840.10008.5.1.4.1.1.12.1";
    public const string XRayRadiofluoroscopicImage = "1.2.840.10008.5.1.4.1.1.12.2";
    public const string SecondaryCaptureImage = "1.2.840.10008.5.1.4.1.1.7";
    public const string Segmentation = "1.2.840.10008.5.1.4.1.1.66.4";
    public const string SurfaceSegmentation = "1.2.840.10008.5.1.4.1.1.66.5";

    private static readonly Dictionary<string, string> Names = new()
    {
        [CtImage] = "CT Image",
        [MrImage] = "MR Image",
        [XRayAngiographicImage] = "X-Ray Angiographic Image",
        [XRayRadiofluoroscopicImage] = "X-Ray Radiofluoroscopic Image",
        [SecondaryCaptureImage] = "Secondary Capture Image",
        [Segmentation] = "Segmentation",
        [SurfaceSegmentation] = "Surface Segmentation",
        ["1.2.840.10008.5.1.4.1.1.2.1"] = "Enhanced CT Image",
        ["1.2.840.10008.5.1.4.1.1.4.1"] = "Enhanced MR Image",
        ["1.2.840.10008.5.1.4.1.1.1"] = "Computed Radiography Image",
        ["1.2.840.10008.5.1.4.1.1.1.1"] = "Digital X-Ray Image (presentation)",
        ["1.2.840.10008.5.1.4.1.1.1.1.1"] = "Digital X-Ray Image (processing)",
        ["1.2.840.10008.5.1.4.1.1.3.1"] = "Ultrasound Multi-frame Image",
        ["1.2.840.10008.5.1.4.1.1.6.1"] = "Ultrasound Image",
        ["1.2.840.10008.5.1.4.1.1.7.4"] = "Multi-frame True Color Secondary Capture Image",
        ["1.2.840.10008.5.1.4.1.1.20"] = "Nuclear Medicine Image",
        ["1.2.840.10008.5.1.4.1.1.128"] = "PET Image",
        ["1.2.840.10008.5.1.4.1.1.481.1"] = "RT Image",
        ["1.2.840.10008.5.1.4.1.1.481.2"] = "RT Dose",
        ["1.2.840.10008.5.1.4.1.1.481.3"] = "RT Structure Set",
        ["1.2.840.10008.5.1.4.1.1.481.5"] = "RT Plan",
        ["1.2.840.10008.5.1.4.1.1.88.11"] = "Basic Text SR",
        ["1.2.840.10008.5.1.4.1.1.88.22"] = "Enhanced SR",
        ["1.2.840.10008.5.1.4.1.1.88.33"] = "Comprehensive SR",
        ["1.2.840.10008.5.1.4.1.1.9.1.1"] = "12-lead ECG Waveform",
        ["1.2.840.10008.5.1.4.1.1.30"] = "Parametric Map",
        ["1.2.840.10008.1.3.10"] = "Media Storage Directory (DICOMDIR)",
    };

    /// <summary>A readable name, or the UID itself when unknown.</summary>
    public static string NameOf(string? uid) => uid is null ? "(none)" : Names.TryGetValue(uid, out var name) ? name : uid;
}
