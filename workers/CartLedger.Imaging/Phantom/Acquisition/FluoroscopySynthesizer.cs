using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Projection;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// One fluoroscopy frame: the non-contrast anatomy with heart and diaphragm moved by breathing, projected with
/// Siddon's exact ray casting (Beer-Lambert, one effective energy), plus exact chords of the contrast-filled veins and
/// the leads; then scatter (a broad blur of the primary, scatter-to-primary ratio with an anti-scatter grid), quantum
/// noise (Poisson counts, dose set so that the heart region receives a cine-acquisition dose) and a log transform to
/// 12-bit values: dense objects dark, lungs bright, as the cath-lab displays them.
/// </summary>
public static class FluoroscopySynthesizer
{
    /// <summary>Iodine at ~60 keV in a 50 % diluted 300 mgI/ml contrast agent: excess attenuation over blood, 1/mm.</summary>
    public const double VenogramExcessMuPerMm = 0.10;

    /// <summary>Pt-Ir electrode rings, MP35N conductor coils in the lead body and the shock coil: effective mu, 1/mm.</summary>
    public const double ElectrodeMuPerMm = 8.0;
    public const double LeadBodyMuPerMm = 1.1;
    public const double ShockCoilMuPerMm = 3.5;

    public const int BitsStored = 12;

    public sealed record Frame(Image2D Image, Image2D LineIntegrals, double PhotonsPerPixelUnattenuated);

    public static Frame Render(Volume nativeHu, CArmGeometry view, RespiratoryState breathing, HeartModel heart, LeadModel? lead, bool venogram, int seed)
    {
        var projection = view.ToProjectionMatrix();
        var line = SiddonProjector.Render(AttenuationVolume.FromHounsfield(nativeHu), projection, view.Columns, view.Rows);
        Vec3 Pose(Vec3 p) => breathing.HeartPose.Apply(p);
        if (venogram)
        {
            foreach (var vein in heart.Veins)
            {
                TubeProjectorPosed(line, projection, vein.Tube, Pose, VenogramExcessMuPerMm);
            }
        }
        if (lead is not null)
        {
            TubeProjectorPosed(line, projection, lead.LvLeadBody, Pose, LeadBodyMuPerMm);
            TubeProjectorPosed(line, projection, lead.RvLeadBody, Pose, LeadBodyMuPerMm);
            TubeProjectorPosed(line, projection, lead.RvShockCoil, Pose, ShockCoilMuPerMm);
            foreach (var electrode in lead.ElectrodeTubes(Pose))
            {
                TubeProjector.Add(line, projection, electrode, ElectrodeMuPerMm);
            }
        }
        return Expose(line, heart, breathing, projection, seed);
    }

    private static void TubeProjectorPosed(Image2D line, ProjectionMatrix projection, Shapes.Tube tube, Func<Vec3, Vec3> pose, double mu) =>
        TubeProjector.Add(line, projection, new Shapes.Tube(tube.Nodes.Select(pose).ToArray(), tube.Radii), mu);

    private static Frame Expose(Image2D line, HeartModel heart, RespiratoryState breathing, ProjectionMatrix projection, int seed)
    {
        var r = new SeededRandom(seed, "fluoro exposure");
        int w = line.Width, h = line.Height;
        var primary = BeerLambert.Intensity(line);
        // The automatic exposure control aims at a detector dose in the heart region, not at the lungs.
        var centre = projection.Project(breathing.HeartPose.Apply(heart.LvCentre));
        var window = new List<float>();
        for (var y = Math.Max(0, (int)centre.Y - h / 8); y < Math.Min(h, (int)centre.Y + h / 8); y += 4)
        {
            for (var x = Math.Max(0, (int)centre.X - w / 8); x < Math.Min(w, (int)centre.X + w / 8); x += 4)
            {
                window.Add(primary[x, y]);
            }
        }
        window.Sort();
        var heartTransmission = window.Count > 0 ? Math.Max(window[window.Count / 2], 1e-6f) : 0.05f;
        var photonsAtHeart = r.Uniform(250, 600);
        var n0 = photonsAtHeart / heartTransmission;
        var scatterToPrimary = r.Uniform(0.25, 0.5);
        var scatter = ImageFilters.BoxBlur(primary, Math.Max(4, w / 20), 3);
        var scatterMean = Math.Max(1e-6, MeanOf(scatter));
        var counts = new Image2D(w, h);
        Parallel.For(0, h, y =>
        {
            var random = new SeededRandom(SeededRandom.Mix(seed, "fluoro noise", y), "row");
            for (var x = 0; x < w; x++)
            {
                var expected = n0 * (primary[x, y] + scatterToPrimary * heartTransmission * scatter[x, y] / scatterMean);
                counts[x, y] = (float)Poisson(random, expected);
            }
        });
        var blurred = ImageFilters.GaussianBlur3(counts, 0.6);
        var top = Math.Log(1 + n0 * 1.6);
        var image = new Image2D(w, h);
        var max = (1 << BitsStored) - 1;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (float)Math.Clamp(Math.Round(max * Math.Log(1 + Math.Max(0, blurred.Pixels[i])) / top), 0, max);
        }
        return new Frame(image, line, n0);
    }

    private static double MeanOf(Image2D image) => image.Pixels.Average();

    /// <summary>Poisson sample: exact (Knuth) for small means, normal approximation above 30 counts.</summary>
    private static double Poisson(SeededRandom random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * random.Gaussian()));
        }
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.Uniform(0, 1);
        while (product > limit)
        {
            k++;
            product *= random.Uniform(0, 1);
        }
        return k;
    }
}
