using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>One LGE image of a study for FWHM: the myocardium thresholded, the blood pool it is judged against, the pixel area.</summary>
/// <param name="Image">The LGE image.</param>
/// <param name="Myocardium">The myocardium FWHM thresholds and takes its levels from.</param>
/// <param name="BloodPool">LV cavity pixels away from the wall (may be empty: then hyperenhancement is not judged).</param>
/// <param name="PixelAreaMm2">Area of one pixel, mm^2 (region sizes are in mm^2).</param>
public sealed record FwhmInput(Image2D Image, Mask2D Myocardium, Mask2D BloodPool, double PixelAreaMm2);

/// <summary>
/// The study's LGE reference levels: remote (normal, nulled) myocardium, the blood pool and the noise of the remote
/// myocardium. Every decision taken from them is on the scale (signal - remote) / (blood - remote), which is free of
/// the images' intensity offset and scale (research PNGs are rescaled; scanners scale arbitrarily).
/// </summary>
/// <param name="RemoteSignal">Median of the myocardium (scar is a minority of the wall).</param>
/// <param name="BloodSignal">Median of the blood pool; NaN without one.</param>
/// <param name="NoiseSd">1.4826 x the median absolute deviation of the myocardium below its median (scar lies above it).</param>
public sealed record LgeReference(double RemoteSignal, double BloodSignal, double NoiseSd)
{
    /// <summary>Blood above remote: the unit of enhancement; not usable when the myocardium is not nulled below the blood.</summary>
    public double ContrastUnit => BloodSignal - RemoteSignal;

    public bool CanJudge => double.IsFinite(BloodSignal) && ContrastUnit > NoiseSd;

    /// <summary>Enhancement of a signal: 0 = remote myocardium, 1 = blood pool.</summary>
    public double EnhancementOf(double signal) => (signal - RemoteSignal) / ContrastUnit;

    public static LgeReference Of(IReadOnlyList<FwhmInput> inputs)
    {
        var myocardium = Values(inputs, i => i.Myocardium);
        var blood = Values(inputs, i => i.BloodPool);
        var remote = Thresholds.Median(myocardium);
        var below = myocardium.Where(v => v <= remote).Select(v => (float)(remote - v)).ToList();
        var noiseSd = 1.4826 * Thresholds.Median(below);
        return new LgeReference(remote, blood.Count == 0 ? double.NaN : Thresholds.Median(blood), noiseSd);
    }

    public static List<float> Values(IEnumerable<FwhmInput> inputs, Func<FwhmInput, Mask2D> mask)
    {
        var values = new List<float>();
        foreach (var input in inputs)
        {
            var m = mask(input);
            for (var i = 0; i < m.Bits.Length; i++)
            {
                if (m.Bits[i] != 0)
                {
                    values.Add(input.Image.Pixels[i]);
                }
            }
        }
        return values;
    }
}

/// <summary>
/// Whether a study has hyperenhanced myocardium at all, and where: FWHM (SCIENCE.md 3) takes half the maximum "of the
/// hyperenhanced region", and a heart without one has none, whereas the brightest pixel of a scar-free wall is noise
/// (its half falls into the noise of normal myocardium). Hyperenhanced = a connected region of the myocardium whose
/// local mean (3x3, over myocardial neighbours only: one noisy pixel is not a region) reaches a given fraction of the
/// way from remote myocardium to blood (in LGE, scar is about as bright as blood or brighter; nulled myocardium is dark),
/// and at least a given area in the slice.
/// </summary>
public static class Hyperenhancement
{
    /// <summary>The hyperenhanced regions of one image (empty when none qualifies).</summary>
    public static Mask2D Regions(FwhmInput input, LgeReference reference, double minimumEnhancement, double minimumAreaMm2)
    {
        var smoothed = LocalMean(input.Image, input.Myocardium);
        var candidates = new Mask2D(input.Image.Width, input.Image.Height);
        for (var i = 0; i < candidates.Bits.Length; i++)
        {
            candidates.Bits[i] = input.Myocardium.Bits[i] != 0 && reference.EnhancementOf(smoothed.Pixels[i]) >= minimumEnhancement ? (byte)1 : (byte)0;
        }
        var pixels = (int)Math.Ceiling(minimumAreaMm2 / input.PixelAreaMm2 - 1e-9);
        return Pixels.Regions.RemoveSmall(candidates, Math.Max(1, pixels));
    }

    /// <summary>Mean of each masked pixel's 3x3 neighbourhood, counting masked neighbours only (0 outside the mask).</summary>
    public static Image2D LocalMean(Image2D image, Mask2D mask)
    {
        var w = image.Width;
        var h = image.Height;
        var result = new Image2D(w, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (!mask[x, y])
                {
                    continue;
                }
                double sum = 0;
                var count = 0;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask[nx, ny])
                        {
                            sum += image[nx, ny];
                            count++;
                        }
                    }
                }
                result[x, y] = (float)(sum / count);
            }
        }
        return result;
    }
}
