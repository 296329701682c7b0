using System.Globalization;
using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Values;

namespace CartLedger.Cmr.Provenance;

/// <summary>
/// The identity of every CMR algorithm: name, semantic version and parameters (sorted by name, values written
/// invariantly, doubles round-trippable). Bump the version whenever a change can alter any output bit.
/// </summary>
public static class Algorithms
{
    public const string SegmentationName = "cartledger.cmr.lv-segmentation";
    public const string SegmentationVersion = "1.5.0";
    public const string ScarName = "cartledger.cmr.fwhm-scar";
    public const string ScarVersion = "1.3.0";
    public const string ActivationName = "cartledger.cmr.mechanical-activation";
    public const string ActivationVersion = "1.2.0";
    public const string MeshName = "cartledger.cmr.epicardial-loft";
    public const string MeshVersion = "1.0.0";

    public static AlgorithmInfo Info(string name, string version, IEnumerable<AlgorithmParameter> parameters, IEnumerable<string> inputs, string output) =>
        new(name, version, [.. parameters.OrderBy(p => p.Name, StringComparer.Ordinal)], [.. inputs], output);

    public static IEnumerable<AlgorithmParameter> Parameters(SegmentationParameters p) =>
    [
        Parameter("angleCount", p.AngleCount),
        Parameter("radialStepMm", p.RadialStepMm),
        Parameter("maxRadiusMm", p.MaxRadiusMm),
        Parameter("smoothingMm", p.SmoothingMm),
        Parameter("minPoolAreaMm2", p.MinPoolAreaMm2),
        Parameter("maxPoolAreaMm2", p.MaxPoolAreaMm2),
        Parameter("maxStepMm", p.MaxStepMm),
        Parameter("stepPenalty", p.StepPenalty),
        Parameter("minWallMm", p.MinWallMm),
        Parameter("maxWallMm", p.MaxWallMm),
        Parameter("temporalWeight", p.TemporalWeight),
        Parameter("thicknessWeight", p.ThicknessWeight),
        Parameter("wallLevel", EndocardiumSearch.WallLevel),
    ];

    public static IEnumerable<AlgorithmParameter> Parameters(FwhmParameters p) =>
    [
        Parameter("thresholdFraction", p.ThresholdFraction),
        new AlgorithmParameter("signalFloor", p.Floor.ToString()),
        new AlgorithmParameter("fillEnclosedHoles", p.FillEnclosedHoles ? "true" : "false"),
        Parameter("borderMarginMm", p.BorderMarginMm),
        Parameter("minRegionMm2", p.MinRegionMm2),
        Parameter("minimumContrastSd", p.MinimumContrastSd),
        Parameter("minimumEnhancement", p.MinimumEnhancement),
        Parameter("minHyperenhancedMm2", p.MinHyperenhancedMm2),
        new AlgorithmParameter("excludeEpicardialFat", p.ExcludeEpicardialFat ? "true" : "false"),
        new AlgorithmParameter("cutAtMinimumEnhancement", p.CutAtMinimumEnhancement ? "true" : "false"),
        Parameter("minIsolatedRegionMm2", p.MinIsolatedRegionMm2),
    ];

    public static IEnumerable<AlgorithmParameter> Parameters(TrackingParameters p) =>
    [
        Parameter("templateHalfWidthMm", p.TemplateHalfWidthMm),
        Parameter("searchRadiusMm", p.SearchRadiusMm),
        Parameter("alongContourSmoothingPoints", p.AlongContourSmoothingPoints),
        Parameter("peakWindowFractionOfRr", p.PeakWindowFractionOfRr),
        new AlgorithmParameter("trackTangentialMotion", p.TrackTangentialMotion ? "true" : "false"),
        Parameter("timeToPeakHarmonics", p.TimeToPeakHarmonics),
        Parameter("neighbourWeight", p.NeighbourWeight),
        Parameter("mapNeighbourWeight", p.MapNeighbourWeight),
    ];

    public static AlgorithmParameter Parameter(string name, double value) => new(name, value.ToString("R", CultureInfo.InvariantCulture));

    public static AlgorithmParameter Parameter(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));
}
