using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>The FWHM threshold of one study: the maximum myocardial signal, the floor it is measured from, and the cut.</summary>
/// <param name="MaximumSignal">The maximum that FWHM halves.</param>
/// <param name="FloorSignal">The level the fraction is measured from.</param>
/// <param name="Threshold">Signal at or above which myocardium is scar; +infinity when the study has no hyperenhanced region.</param>
/// <param name="Reference">Remote, blood and noise levels when hyperenhancement is judged (else null).</param>
public sealed record FwhmThreshold(double MaximumSignal, double FloorSignal, double Threshold, LgeReference? Reference = null)
{
    public bool FindsScar => double.IsFinite(Threshold);
}

/// <summary>
/// Full width at half maximum (Amado 2004; the seeds' CARTBox step): the brightest myocardial pixel of the
/// whole LGE stack sets the maximum, and myocardial pixels at or above floor + fraction x (maximum - floor)
/// are scar. One maximum per study, not per slice: a slice without scar would otherwise mark its brightest
/// normal myocardium. With <see cref="FwhmParameters.MinimumEnhancement"/> the maximum is that of the hyperenhanced
/// regions only (SCIENCE.md 3: "within the hyperenhanced region"), and a study without one has no scar (<see cref="Hyperenhancement"/>).
/// Enclosed dark cores (microvascular obstruction) can be filled, within the myocardium.
/// </summary>
public static class FwhmScar
{
    private const double FloorPercentile = 10;

    /// <summary>Images without a blood pool (the plain FWHM of an image and its myocardium mask).</summary>
    public static FwhmThreshold ThresholdOf(IEnumerable<(Image2D Image, Mask2D Myocardium)> slices, FwhmParameters p) =>
        ThresholdOf(slices.Select(s => new FwhmInput(s.Image, s.Myocardium, new Mask2D(s.Image.Width, s.Image.Height), 1)).ToList(), p);

    public static FwhmThreshold ThresholdOf(IReadOnlyList<FwhmInput> inputs, FwhmParameters p)
    {
        foreach (var input in inputs)
        {
            RequireSameGrid(input.Image, input.Myocardium);
        }
        var values = LgeReference.Values(inputs, i => i.Myocardium);
        if (values.Count == 0)
        {
            throw new ArgumentException("FWHM needs a non-empty myocardium mask.", nameof(inputs));
        }
        var floor = p.Floor == SignalFloor.Zero ? 0 : Thresholds.Percentile(values, FloorPercentile);
        if (p.MinimumEnhancement > 0)
        {
            var reference = LgeReference.Of(inputs);
            if (reference.CanJudge)
            {
                return Judged(inputs, reference, floor, p);
            }
        }
        var maximum = values.Max();
        var threshold = floor + p.ThresholdFraction * (maximum - floor);
        if (p.MinimumContrastSd > 0)
        {
            var reference = LgeReference.Of(inputs);
            threshold = Math.Max(threshold, reference.RemoteSignal + p.MinimumContrastSd * reference.NoiseSd);
        }
        return new FwhmThreshold(maximum, floor, threshold);
    }

    /// <summary>FWHM of the hyperenhanced regions: their brightest pixel is the maximum; none means no scar.</summary>
    private static FwhmThreshold Judged(IReadOnlyList<FwhmInput> inputs, LgeReference reference, double floor, FwhmParameters p)
    {
        var maximum = double.NegativeInfinity;
        foreach (var input in inputs)
        {
            var regions = Hyperenhancement.Regions(input, reference, p.MinimumEnhancement, p.MinHyperenhancedMm2);
            for (var i = 0; i < regions.Bits.Length; i++)
            {
                if (regions.Bits[i] != 0)
                {
                    maximum = Math.Max(maximum, input.Image.Pixels[i]);
                }
            }
        }
        var lowest = p.CutAtMinimumEnhancement ? reference.RemoteSignal + p.MinimumEnhancement * reference.ContrastUnit : double.NegativeInfinity;
        return double.IsFinite(maximum)
            ? new FwhmThreshold(maximum, floor, Math.Max(lowest, floor + p.ThresholdFraction * (maximum - floor)), reference)
            : new FwhmThreshold(LgeReference.Values(inputs, i => i.Myocardium).Max(), floor, double.PositiveInfinity, reference);
    }

    public static Mask2D Segment(Image2D image, Mask2D myocardium, FwhmThreshold threshold, FwhmParameters p)
    {
        RequireSameGrid(image, myocardium);
        var scar = new Mask2D(image.Width, image.Height);
        for (var i = 0; i < scar.Bits.Length; i++)
        {
            scar.Bits[i] = myocardium.Bits[i] != 0 && image.Pixels[i] >= threshold.Threshold ? (byte)1 : (byte)0;
        }
        return FillHoles(scar, myocardium, p);
    }

    /// <summary>When the parameters ask for it, the scar without regions that are epicardial fat (<see cref="EpicardialFat"/>).</summary>
    public static Mask2D WithoutFat(Mask2D scar, Mask2D myocardium, FwhmParameters p) => p.ExcludeEpicardialFat ? EpicardialFat.Remove(scar, myocardium) : scar;

    /// <summary>When the parameters ask for it, the scar with its enclosed holes within the myocardium filled.</summary>
    public static Mask2D FillHoles(Mask2D scar, Mask2D myocardium, FwhmParameters p) => p.FillEnclosedHoles ? FillWithin(scar, myocardium) : scar;

    /// <summary>Holes of the scar (background not reaching the image border through non-scar) that lie in the myocardium.</summary>
    private static Mask2D FillWithin(Mask2D scar, Mask2D myocardium) => Regions.FillHoles(scar).And(myocardium).Or(scar);

    private static void RequireSameGrid(Image2D image, Mask2D mask)
    {
        if (image.Width != mask.Width || image.Height != mask.Height)
        {
            throw new ArgumentException($"Myocardium mask is {mask.Width}x{mask.Height} but the image is {image.Width}x{image.Height}.", nameof(mask));
        }
    }
}
