using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>The FWHM threshold of one study: the maximum myocardial signal, the floor it is measured from, and the cut.</summary>
public sealed record FwhmThreshold(double MaximumSignal, double FloorSignal, double Threshold);

/// <summary>
/// Full width at half maximum (Amado 2004; the seeds' CARTBox step): the brightest myocardial pixel of the
/// whole LGE stack sets the maximum, and myocardial pixels at or above floor + fraction x (maximum - floor)
/// are scar. One maximum per study, not per slice: a slice without scar would otherwise mark its brightest
/// normal myocardium. Enclosed dark cores (microvascular obstruction) can be filled, within the myocardium.
/// </summary>
public static class FwhmScar
{
    private const double FloorPercentile = 10;

    public static FwhmThreshold ThresholdOf(IEnumerable<(Image2D Image, Mask2D Myocardium)> slices, FwhmParameters p)
    {
        var values = new List<float>();
        foreach (var (image, myocardium) in slices)
        {
            RequireSameGrid(image, myocardium);
            for (var i = 0; i < myocardium.Bits.Length; i++)
            {
                if (myocardium.Bits[i] != 0)
                {
                    values.Add(image.Pixels[i]);
                }
            }
        }
        if (values.Count == 0)
        {
            throw new ArgumentException("FWHM needs a non-empty myocardium mask.", nameof(slices));
        }
        var maximum = values.Max();
        var floor = p.Floor == SignalFloor.Zero ? 0 : Thresholds.Percentile(values, FloorPercentile);
        var threshold = floor + p.ThresholdFraction * (maximum - floor);
        if (p.MinimumContrastSd > 0)
        {
            var remote = Thresholds.Median(values);
            var below = values.Where(v => v <= remote).Select(v => (float)(remote - v)).ToList();
            var noiseSd = 1.4826 * Thresholds.Median(below);
            threshold = Math.Max(threshold, remote + p.MinimumContrastSd * noiseSd);
        }
        return new FwhmThreshold(maximum, floor, threshold);
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
