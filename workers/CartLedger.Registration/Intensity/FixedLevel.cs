using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// One pyramid level of the fixed image: the region of interest box-averaged by an integer factor of detector pixels
/// (so level pixels tile detector pixels exactly), its grid on the detector and its metric features.
/// </summary>
public sealed class FixedLevel
{
    private FixedLevel(PixelGrid grid, FixedFeatures features, double resolutionMm, Image2D image)
    {
        Grid = grid;
        Features = features;
        ResolutionMm = resolutionMm;
        Image = image;
    }

    public PixelGrid Grid { get; }
    public FixedFeatures Features { get; }

    /// <summary>The level's pixel size in mm at the model's depth.</summary>
    public double ResolutionMm { get; }

    /// <summary>The down-sampled attenuation image (for pictures and debugging).</summary>
    public Image2D Image { get; }

    /// <summary>Averages the detector rectangle [x0, x0 + w) x [y0, y0 + h) in blocks of <paramref name="factor"/> pixels.</summary>
    /// <param name="attenuation">The whole frame in attenuation polarity.</param>
    /// <param name="x0">Left of the region, detector pixels.</param>
    /// <param name="y0">Top of the region, detector pixels.</param>
    /// <param name="width">Region width, detector pixels.</param>
    /// <param name="height">Region height, detector pixels.</param>
    /// <param name="factor">Block size, detector pixels.</param>
    /// <param name="mmPerDetectorPixel">Detector pixel size at the model's depth.</param>
    /// <param name="settings">Metric settings; their fixed smoothing is replaced by <paramref name="smoothingMm"/> when given.</param>
    /// <param name="smoothingMm">Gaussian sigma of the X-ray, mm at the model.</param>
    /// <param name="suppressionMm">Width of bright structures to remove by opening, mm at the model (0: none).</param>
    public static FixedLevel Create(Image2D attenuation, int x0, int y0, int width, int height, int factor, double mmPerDetectorPixel, MetricSettings settings,
        double? smoothingMm = null, double suppressionMm = 0)
    {
        int w = width / factor, h = height / factor;
        if (w < 8 || h < 8)
        {
            throw new RegistrationInputException("xray", $"the region around the model is only {w}x{h} pixels at {factor * mmPerDetectorPixel:0.##} mm: the model projects (nearly) outside the image");
        }
        var pixels = new float[w * h];
        var inverse = 1f / (factor * factor);
        for (var j = 0; j < h; j++)
        {
            for (var dy = 0; dy < factor; dy++)
            {
                var source = (y0 + j * factor + dy) * attenuation.Width + x0;
                for (var i = 0; i < w; i++)
                {
                    float sum = 0;
                    for (var dx = 0; dx < factor; dx++)
                    {
                        sum += attenuation.Pixels[source + i * factor + dx];
                    }
                    pixels[j * w + i] += sum * inverse;
                }
            }
        }
        var resolutionMm = factor * mmPerDetectorPixel;
        var radius = (int)Math.Round(suppressionMm / 2 / resolutionMm);
        var image = new Image2D(w, h, ImageFilters.Opening(pixels, w, h, radius));
        var grid = new PixelGrid(w, h, x0 + (factor - 1) / 2.0, y0 + (factor - 1) / 2.0, factor);
        // Never below the metric's own pixel smoothing: gradients of unsmoothed quantum noise swamp everything.
        var levelSettings = smoothingMm is { } mm ? settings with { FixedSmoothingPx = Math.Max(settings.FixedSmoothingPx, mm / resolutionMm) } : settings;
        return new FixedLevel(grid, FixedFeatures.Create(image, levelSettings), resolutionMm, image);
    }
}
