using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;
using CartLedger.Registration.Tests.Support;

namespace CartLedger.Registration.Tests.Similarity;

public class SimilarityMetricTests
{
    /// <summary>Sparse and dense sum the same terms in a different order (double accumulators).</summary>
    private const double AgreementTolerance = 1e-9;

    private static readonly CArmGeometry View = SyntheticScene.View(30, 0);
    private static readonly PixelGrid Grid = new(160, 160, 96, 96, 2);
    private static readonly TriangleMesh Mesh = SyntheticScene.LeftVentricle(Vec3.Zero);

    public static TheoryData<string> Methods() => [.. SimilarityMethods.All.Select(m => m.ShortName())];

    private static SimilarityMethod Parse(string name) => SimilarityMethods.TryParse(name, out var m) ? m : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_sparse_evaluation_equals_the_dense_reference(string name)
    {
        var method = Parse(name);
        var settings = MetricSettings.Default;
        var truth = RigidTransform.FromTranslation(new Vec3(6, 0, -4));
        var xray = ModelImages.SyntheticXray(ModelImages.Coverage(Mesh, truth, View, Grid), 0.8, 0.05, seed: 1);
        var fixedFeatures = FixedFeatures.Create(xray, settings);
        var pose = RigidTransform.FromTranslation(new Vec3(1, 2, 3));
        var dense = DenseSimilarity.Evaluate(method, fixedFeatures, ModelImages.Coverage(Mesh, pose, View, Grid), settings);
        var sparse = SparseSimilarity.Evaluate(method, fixedFeatures, ModelImages.Features(Mesh, pose, View, Grid, settings));
        Assert.Equal(dense, sparse, AgreementTolerance);
        Assert.NotEqual(0, dense);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Identical_images_score_best(string name)
    {
        var method = Parse(name);
        var settings = MetricSettings.Default;
        var fixedFeatures = FixedFeatures.Create(ModelImages.Coverage(Mesh, RigidTransform.Identity, View, Grid), settings);
        var moving = ModelImages.Features(Mesh, RigidTransform.Identity, View, Grid, settings);
        var atTruth = SparseSimilarity.Evaluate(method, fixedFeatures, moving);
        for (var dy = -6; dy <= 6; dy++)
        {
            for (var dx = -6; dx <= 6; dx++)
            {
                if (dx != 0 || dy != 0)
                {
                    Assert.True(SparseSimilarity.Evaluate(method, fixedFeatures, moving, dx, dy) < atTruth, $"shift ({dx}, {dy}) scored at least as well as the identity");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_known_shift_is_recovered_from_a_noisy_shadow(string name)
    {
        var method = Parse(name);
        var settings = MetricSettings.Default;
        // The shadow lies 7 grid pixels right and 4 up of the model's start; 1 grid pixel = 2 detector pixels = 0.8 mm at the isocentre.
        var shift = new Vec3(7 * 2 * 0.6 / 1.5, 0, 4 * 2 * 0.6 / 1.5);
        // NCC has no defence against a brighter overlapping structure (it maximises overlap with bright pixels), so it
        // gets the shadow without the spine; the gradient metrics must find it beside the spine.
        var spine = method.UsesGradients();
        var xray = ModelImages.SyntheticXray(ModelImages.Coverage(Mesh, RigidTransform.FromTranslation(shift), View, Grid), 0.8, 0.08, seed: 2, spine);
        var fixedFeatures = FixedFeatures.Create(xray, settings);
        var moving = ModelImages.Features(Mesh, RigidTransform.Identity, View, Grid, settings);
        var best = (X: 0, Y: 0, Score: double.NegativeInfinity);
        for (var dy = -12; dy <= 12; dy++)
        {
            for (var dx = -12; dx <= 12; dx++)
            {
                var score = SparseSimilarity.Evaluate(method, fixedFeatures, moving, dx, dy);
                if (score > best.Score)
                {
                    best = (dx, dy, score);
                }
            }
        }
        // +x (patient left) in LAO 30 moves the image right by cos 30 of the shift; +z (head) moves it up.
        var expected = View.ToProjectionMatrix().Project(shift) - View.ToProjectionMatrix().Project(Vec3.Zero);
        Assert.InRange(best.X - expected.X / 2, -1.0, 1.0);
        Assert.InRange(best.Y - expected.Y / 2, -1.0, 1.0);
    }

    [Theory]
    [InlineData("gc+", "gc")]
    [InlineData("gi+", "gi")]
    [InlineData("go+", "go")]
    public void Positive_variants_ignore_an_edge_of_the_opposite_polarity(string positive, string plain)
    {
        var settings = MetricSettings.Default;
        var shadow = ModelImages.Coverage(Mesh, RigidTransform.Identity, View, Grid);
        var normal = FixedFeatures.Create(ModelImages.SyntheticXray(shadow, 0.8, 0.02, seed: 3, withSpine: false), settings);
        var inverted = FixedFeatures.Create(ModelImages.SyntheticXray(shadow, -0.8, 0.02, seed: 3, withSpine: false), settings);
        var moving = ModelImages.Features(Mesh, RigidTransform.Identity, View, Grid, settings);

        double Ratio(string name) =>
            SparseSimilarity.Evaluate(Parse(name), inverted, moving) / SparseSimilarity.Evaluate(Parse(name), normal, moving);

        Assert.True(Ratio(positive) < 0.2, $"{positive} should barely score an inverted shadow (ratio {Ratio(positive):0.###})");
        if (plain == "gi")
        {
            // GI is polarity-blind by definition (cos^2); GC is signed and goes negative.
            Assert.True(Ratio(plain) > 0.8, $"{plain} should score an inverted shadow like a normal one (ratio {Ratio(plain):0.###})");
        }
        else if (plain == "go")
        {
            // De Silva's angle runs over [0, pi]: an edge of the opposite polarity scores 2 - ln(1 + pi) = 0.58 of 2.
            Assert.InRange(Ratio(plain), 0.2, 0.4);
        }
    }

    public static TheoryData<string> GradientMethods() => ["gc", "gi", "go", "gc+", "gi+", "go+"];

    [Theory]
    [MemberData(nameof(GradientMethods))]
    public void A_strong_edge_off_the_outline_does_not_pull_the_optimum(string name)
    {
        // A faint heart shadow (contrast 0.3) and, just beside the model, a bar 30 times brighter (a spine or a
        // catheter): shifting the model onto the bar lines part of its outline up with an edge far stronger than the
        // heart border. The metric must still peak where the whole outline meets the faint border. Before GI and GO
        // normalised the X-ray's gradients over the model's edge band (inplane-grid-nm/3), the bar's edges saturated
        // GI at the region's 98th-percentile scale and the faint border counted for a few per cent of it.
        var method = Parse(name);
        var settings = MetricSettings.Default;
        var shadow = ModelImages.Coverage(Mesh, RigidTransform.Identity, View, Grid);
        var moving = ModelImages.Features(Mesh, RigidTransform.Identity, View, Grid, settings);
        var b = moving.Bounds;
        const int gapPx = 4, barPx = 6;
        Assert.True(b.MaxX + gapPx + barPx < Grid.Width - 1, "no room for the bar beside the model");
        var xray = ModelImages.SyntheticXray(shadow, 0.3, 0.02, seed: 4, withSpine: false);
        for (var y = 0; y < xray.Height; y++)
        {
            for (var x = b.MaxX + gapPx; x < b.MaxX + gapPx + barPx; x++)
            {
                xray[x, y] += 9f;
            }
        }
        var fixedFeatures = FixedFeatures.Create(xray, settings);
        var best = (X: 0, Y: 0, Score: double.NegativeInfinity);
        for (var dy = -12; dy <= 12; dy++)
        {
            for (var dx = -12; dx <= gapPx + barPx + 6; dx++)
            {
                var score = SparseSimilarity.Evaluate(method, fixedFeatures, moving, dx, dy);
                if (score > best.Score)
                {
                    best = (dx, dy, score);
                }
            }
        }
        Assert.True(Math.Abs(best.X) <= 1 && Math.Abs(best.Y) <= 1, $"{name} peaked at ({best.X}, {best.Y}) px, not at the shadow (0, 0)");
    }

    [Fact]
    public void Gradient_correlation_ignores_strong_edges_off_the_outline_in_its_window()
    {
        // A bright block inside the metric's window but clear of the model's edge band: GC correlates the model's
        // edges with the X-ray under them, so the block must not change it (normalising by the whole window's
        // gradient energy made GC prefer poses whose window held no strong edges, i.e. poses away from the heart).
        var settings = MetricSettings.Default;
        var shadow = ModelImages.Coverage(Mesh, RigidTransform.Identity, View, Grid);
        var moving = ModelImages.Features(Mesh, RigidTransform.Identity, View, Grid, settings);
        var b = moving.Bounds;
        const int clearancePx = 12, sidePx = 8;
        var x0 = b.MaxX + clearancePx + sidePx < Grid.Width ? b.MaxX + clearancePx : b.MinX - clearancePx - sidePx;
        Assert.True(x0 >= 0, "no room for the block beside the model");
        var withBlock = new Image2D(shadow.Width, shadow.Height, (float[])shadow.Pixels.Clone());
        for (var y = b.MinY; y < b.MinY + sidePx; y++)
        {
            for (var x = x0; x < x0 + sidePx; x++)
            {
                withBlock[x, y] += 5f;
            }
        }
        const int windowMarginPx = clearancePx + sidePx + 4;
        var plain = SparseSimilarity.Evaluate(SimilarityMethod.GradientCorrelation, FixedFeatures.Create(shadow, settings), moving, windowMarginPx: windowMarginPx);
        var blocked = SparseSimilarity.Evaluate(SimilarityMethod.GradientCorrelation, FixedFeatures.Create(withBlock, settings), moving, windowMarginPx: windowMarginPx);
        Assert.True(plain > 0.5, $"GC of the model against its own shadow is only {plain:0.###}");
        Assert.Equal(plain, blocked, 1e-6);
    }
}
