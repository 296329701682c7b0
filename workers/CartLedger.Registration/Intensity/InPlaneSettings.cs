using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// Parameters of single-view in-plane registration. Resolutions are mm in the patient at the model's depth, so the
/// same settings fit any detector and magnification.
/// </summary>
/// <param name="Method">The similarity measure.</param>
/// <param name="SearchTranslationMm">Half-width of the exhaustive translation search about the start (seed 3 perturbs up to 35 mm).</param>
/// <param name="SearchRotationDeg">Half-width of the rotation search (seed 3 perturbs up to 15 degrees).</param>
/// <param name="CoarseResolutionMm">Pixel size of the exhaustive search level.</param>
/// <param name="CoarseRotationStepDeg">Rotation step of the exhaustive search.</param>
/// <param name="RefineResolutionsMm">Pixel sizes of the local refinement levels, coarse to fine.</param>
/// <param name="Candidates">How many distinct maxima of the exhaustive search are refined (guards against the
/// strongest coarse peak being the spine or the diaphragm).</param>
/// <param name="ContextMarginMm">X-ray context kept around the searched area.</param>
/// <param name="Threads">Worker threads; results do not depend on it.</param>
public sealed record InPlaneSettings(
    SimilarityMethod Method,
    double SearchTranslationMm = 40,
    double SearchRotationDeg = 18,
    double CoarseResolutionMm = 2.0,
    double CoarseRotationStepDeg = 3.0,
    IReadOnlyList<double>? RefineResolutionsMm = null,
    int Candidates = 6,
    double ContextMarginMm = 15,
    int Threads = 2)
{
    public IReadOnlyList<double> RefineLevelsMm => RefineResolutionsMm ?? [1.0, 0.5];

    public MetricSettings Metric { get; init; } = MetricSettings.Default;

    /// <summary>The algorithm name and version recorded with every result; bump it when results can change.</summary>
    public const string AlgorithmVersion = "inplane-grid-nm/1";
}
