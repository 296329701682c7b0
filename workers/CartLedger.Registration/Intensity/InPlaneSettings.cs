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
/// <param name="FixedSmoothingMm">Gaussian sigma of the X-ray before its gradients, mm at the model; at least the metric's
/// <see cref="MetricSettings.FixedSmoothingPx"/> pixels at every level.</param>
/// <param name="DeviceSuppressionMm">Width below which bright (dense) structures are removed from the X-ray by a
/// grey-level opening before the metric sees it: leads, wires and contrast-filled veins are 1-5 mm wide, the heart
/// shadow's edges are not. 0 switches it off.</param>
/// <param name="ThicknessModel">Compare the X-ray with the model's projected thickness (a mesh DRR) instead of its
/// silhouette (seed 3's "LV mask projection").</param>
/// <param name="MetricWindowMarginMm">GC and NCC normalise by the X-ray inside the model's bounding box grown by this
/// margin, a window that moves with the model like seed 3's region of interest (so a pose whose window holds strong
/// unrelated edges, the spine or the diaphragm, is penalised); null normalises by the whole searched region.</param>
public sealed record InPlaneSettings(
    SimilarityMethod Method,
    double SearchTranslationMm = 40,
    double SearchRotationDeg = 18,
    double CoarseResolutionMm = 2.0,
    double CoarseRotationStepDeg = 3.0,
    IReadOnlyList<double>? RefineResolutionsMm = null,
    int Candidates = 6,
    double ContextMarginMm = 15,
    int Threads = 2,
    double FixedSmoothingMm = 1.0,
    double DeviceSuppressionMm = 0,
    bool ThicknessModel = false,
    double? MetricWindowMarginMm = 15)
{
    public IReadOnlyList<double> RefineLevelsMm => RefineResolutionsMm ?? [1.0, 0.5];

    /// <summary>The window margin in pixels of a level (-1: the whole level).</summary>
    public int WindowMarginPx(double levelResolutionMm) => MetricWindowMarginMm is { } mm ? (int)Math.Round(mm / levelResolutionMm) : -1;

    public MetricSettings Metric { get; init; } = MetricSettings.Default;

    /// <summary>The algorithm name and version recorded with every result; bump it when results can change.</summary>
    public const string AlgorithmVersion = "inplane-grid-nm/3";
}
