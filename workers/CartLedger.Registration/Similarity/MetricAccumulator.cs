namespace CartLedger.Registration.Similarity;

/// <summary>
/// The per-pixel kernel of every metric, shared by the dense reference and the sparse evaluator so that both compute
/// exactly the same quantity. Pixels where the model's gradient is zero add nothing to any gradient metric (their
/// region-wide fixed sums come from <see cref="FixedFeatures"/>), which is what lets the sparse path visit only the
/// model's edge band.
/// </summary>
internal struct MetricAccumulator(SimilarityMethod method, double fixedBandScale, double orientationBandFraction, double orientationMovingThreshold)
{
    private const int OrientationTableSize = 2048;

    /// <summary>
    /// De Silva's per-pixel GO score 2 - ln(1 + angle), the angle in [0, pi] between the two gradients (not folded: an
    /// edge of the opposite polarity scores 2 - ln(1 + pi) = 0.58, not 2), tabulated over cos(angle) in [-1, 1] (acos
    /// and log per pixel cost 10x the rest).
    /// </summary>
    private static readonly double[] OrientationScore = Enumerable.Range(0, OrientationTableSize + 1)
        .Select(i => 2 - Math.Log(1 + Math.Acos(2.0 * i / OrientationTableSize - 1))).ToArray();

    /// <summary>GI and GO see the X-ray's gradients normalised over the model's edge band (<see cref="BandScale"/>).</summary>
    public static bool NormalisesOverBand(SimilarityMethod method) => method is SimilarityMethod.GradientInformation
        or SimilarityMethod.GradientInformationPositive or SimilarityMethod.GradientOrientation or SimilarityMethod.GradientOrientationPositive;

    /// <summary>
    /// The factor that brings the X-ray's gradients under the model's edge band to unit size: 1 / sqrt(m + floor^2),
    /// m the mean square X-ray gradient magnitude over the band, each pixel weighted by the model's edge magnitude there
    /// (<paramref name="sumWeightedSquare"/> = sum |M| |F|^2, <paramref name="sumWeight"/> = sum |M|). A strong edge
    /// (the spine, a catheter) under part of the outline raises m, so it cannot count for more than its share of the
    /// outline, and a faint heart border under the whole outline counts fully; the floor (the region's median gradient)
    /// keeps the noise of a flat region from being blown up into edges.
    /// </summary>
    public static double BandScale(double sumWeightedSquare, double sumWeight, double floor)
    {
        var meanSquare = sumWeight > 0 ? sumWeightedSquare / sumWeight : 0;
        var denominator = Math.Sqrt(meanSquare + floor * floor);
        return denominator > 0 ? 1 / denominator : 0;
    }

    private double _sumFx, _sumFx2, _sumFy, _sumFy2, _sumMx, _sumMx2, _sumMy, _sumMy2, _sumFxMx, _sumFyMy;
    private double _information, _movingMagnitude, _orientation;
    private int _movingStrong, _edgePixels;

    public void Add(float fx, float fy, float fMagnitude, float mx, float my)
    {
        if (mx == 0 && my == 0)
        {
            return;
        }
        var dot = (double)fx * mx + (double)fy * my;
        var mMagnitude = Math.Sqrt((double)mx * mx + (double)my * my);
        switch (method)
        {
            case SimilarityMethod.GradientCorrelation:
                AddCorrelation(fx, fy, mx, my);
                break;
            case SimilarityMethod.GradientCorrelationPositive:
                // Fixed gradients of the other polarity are treated as absent: they neither help nor hurt.
                AddCorrelation(dot > 0 ? fx : 0, dot > 0 ? fy : 0, mx, my);
                break;
            case SimilarityMethod.GradientInformation:
            case SimilarityMethod.GradientInformationPositive:
                // Pluim's cos^2(angle) x the smaller magnitude, the X-ray's magnitude normalised over the band.
                _movingMagnitude += mMagnitude;
                if (fMagnitude > 0 && (dot > 0 || method == SimilarityMethod.GradientInformation))
                {
                    var cos = dot / (fMagnitude * mMagnitude);
                    _information += cos * cos * Math.Min(fMagnitude * fixedBandScale, mMagnitude);
                }
                break;
            case SimilarityMethod.GradientOrientation:
            case SimilarityMethod.GradientOrientationPositive:
                if (mMagnitude <= orientationMovingThreshold)
                {
                    break;
                }
                _movingStrong++;
                if (fMagnitude * fixedBandScale > orientationBandFraction && (dot > 0 || method == SimilarityMethod.GradientOrientation))
                {
                    // GO+ keeps only same-direction pixels (angle under 90 degrees).
                    var cos = Math.Clamp(dot / (fMagnitude * mMagnitude), -1.0, 1.0);
                    var t = (cos + 1) * 0.5 * OrientationTableSize;
                    var i = Math.Min((int)t, OrientationTableSize - 1);
                    _orientation += OrientationScore[i] + (OrientationScore[i + 1] - OrientationScore[i]) * (t - i);
                }
                break;
            case SimilarityMethod.BoundaryContrast:
                // The derivative along the model's (unit) edge normal, clipped at a strong edge, weighted by the edge.
                _movingMagnitude += mMagnitude;
                _information += Math.Clamp(dot / mMagnitude, -1, 1) * mMagnitude;
                break;
            default:
                throw new InvalidOperationException($"{method} is not a gradient metric");
        }
    }

    private void AddCorrelation(double fx, double fy, double mx, double my)
    {
        _edgePixels++;
        _sumMx += mx;
        _sumMx2 += mx * mx;
        _sumMy += my;
        _sumMy2 += my * my;
        _sumFxMx += fx * mx;
        _sumFyMy += fy * my;
        _sumFx += fx;
        _sumFx2 += fx * fx;
        _sumFy += fy;
        _sumFy2 += fy * fy;
    }

    /// <summary>The metric value; higher is better for every method. GC and NCC normalise by the fixed sums of <paramref name="w"/>.</summary>
    public readonly double Result(FixedFeatures.WindowSums w) => method switch
    {
        // Over the model's edge band, the only pixels where the projected model has a gradient: normalising by the
        // X-ray's gradient energy in a window that moves with the model made GC prefer windows without strong edges,
        // which pushed it away from the heart border (seeds 1-6: 23.4 mm mean, barely better than the 24.5 mm start).
        SimilarityMethod.GradientCorrelation => 0.5 * (
            Ncc(_sumFxMx, _sumFx, _sumFx2, _sumMx, _sumMx2, _edgePixels) +
            Ncc(_sumFyMy, _sumFy, _sumFy2, _sumMy, _sumMy2, _edgePixels)),
        SimilarityMethod.GradientCorrelationPositive => 0.5 * (
            Ncc(_sumFxMx, _sumFx, _sumFx2, _sumMx, _sumMx2, w.Count) +
            Ncc(_sumFyMy, _sumFy, _sumFy2, _sumMy, _sumMy2, w.Count)),
        SimilarityMethod.GradientInformation or SimilarityMethod.GradientInformationPositive or SimilarityMethod.BoundaryContrast =>
            _movingMagnitude > 0 ? _information / _movingMagnitude : 0,
        SimilarityMethod.GradientOrientation or SimilarityMethod.GradientOrientationPositive =>
            _movingStrong > 0 ? _orientation / (2.0 * _movingStrong) : 0,
        _ => throw new InvalidOperationException($"{method} is not a gradient metric"),
    };

    /// <summary>Pearson correlation from sums over n pixels; 0 when either side has no variance.</summary>
    public static double Ncc(double sumAb, double sumA, double sumA2, double sumB, double sumB2, int n)
    {
        var covariance = sumAb - sumA * sumB / n;
        var varianceA = sumA2 - sumA * sumA / n;
        var varianceB = sumB2 - sumB * sumB / n;
        return varianceA > 1e-12 && varianceB > 1e-12 ? covariance / Math.Sqrt(varianceA * varianceB) : 0;
    }
}
