using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class CineSegmentationTests
{
    private const double MinimumDice = 0.9;
    private const double OrientationToleranceDeg = 15;

    private static readonly SyntheticHeart Beating = new()
    {
        SliceCount = 7,
        PhaseCount = 16,
        Radii = (slice, phase, _) =>
        {
            var contraction = 0.5 * (1 - Math.Cos(2 * Math.PI * phase / 16));
            return (24 - 1.5 * slice - 5 * contraction, 34 - 1.2 * slice - 3 * contraction);
        },
    };

    private static readonly Lazy<(CineStack Stack, CineSegmentation Segmentation)> Result = new(() =>
    {
        var stack = Beating.Build();
        return (stack, CineSegmenter.Segment(stack, SegmentationParameters.Default));
    });

    [Fact]
    public void Every_slice_and_phase_of_a_synthetic_heart_overlaps_the_truth()
    {
        var (stack, segmentation) = Result.Value;
        var ordered = CineOrder.BaseToApex(stack);
        Assert.All(segmentation.SlicesBaseToApex, s => Assert.True(s.HasLv, $"slice {s.Index} has no LV"));
        foreach (var slice in segmentation.SlicesBaseToApex)
        {
            var truthIndex = stack.Slices.ToList().IndexOf(ordered[slice.Index]);
            foreach (var phase in new[] { 0, 4, 8, 12 })
            {
                var (endo, epi) = Beating.Radii(truthIndex, phase, 0);
                var truth = TruthMyocardium(endo, epi);
                var found = slice.Phases[phase].MyocardiumMask(Beating.Size, Beating.Size);
                var dice = 2.0 * truth.OverlapCount(found) / (truth.Count() + found.Count());
                Assert.True(dice >= MinimumDice, $"slice {slice.Index} phase {phase}: myocardium Dice {dice:0.000}");
            }
        }
    }

    [Fact]
    public void Slices_are_ordered_from_base_to_apex_and_end_systole_is_the_smallest_cavity()
    {
        var (_, segmentation) = Result.Value;
        var areas = segmentation.SlicesBaseToApex.Select(s => s.Phases[0].Endocardium.AreaMm2()).ToList();
        Assert.Equal(areas.OrderByDescending(a => a), areas);
        Assert.InRange(segmentation.EndSystolePhase, 7, 9);
        Assert.True(segmentation.BaseToApex.Dot(SyntheticHeart.LongAxis) > 0.99);
    }

    [Fact]
    public void The_segment_models_are_anchored_on_the_RV_insertion_points()
    {
        var (_, segmentation) = Result.Value;
        var truth = Beating.TrueOrientation;
        Assert.Equal("detected", segmentation.Orientation.Source);
        var error = Math.Acos(Math.Clamp(segmentation.Orientation.AnteriorDirection.Dot(truth.AnteriorDirection), -1, 1)) * 180 / Math.PI;
        Assert.True(error <= OrientationToleranceDeg, $"anterior insertion off by {error:0} degrees");
        Assert.True(segmentation.Orientation.SeptalAxis.Dot(truth.SeptalAxis) > 0.99, "theta increases away from the septum");
    }

    [Fact]
    public void A_cine_with_missing_phases_is_refused_with_a_reason()
    {
        var stack = new SyntheticHeart { SliceCount = 3, PhaseCount = 10 }.Build();
        var broken = stack with { Slices = [stack.Slices[0], stack.Slices[1] with { Frames = stack.Slices[1].Frames.Take(7).ToList(), TriggerTimesMs = stack.Slices[1].TriggerTimesMs.Take(7).ToList() }, stack.Slices[2]] };

        var error = Assert.Throws<CmrAnalysisException>(() => CineSegmenter.Segment(broken, SegmentationParameters.Default));

        Assert.Equal("cine-missing-phases", error.Code);
        Assert.Contains("7 phases", error.Message);
    }

    [Fact]
    public void A_study_with_no_LV_in_view_is_refused_with_a_reason()
    {
        var empty = new SyntheticHeart { SliceCount = 4, PhaseCount = 10, Radii = (_, _, _) => (0, 0), WithRv = false }.Build();

        var error = Assert.Throws<CmrAnalysisException>(() => CineSegmenter.Segment(empty, SegmentationParameters.Default));

        Assert.Equal("lv-not-found", error.Code);
    }

    private static Mask2D TruthMyocardium(double endoMm, double epiMm)
    {
        var grid = new PixelGrid(Beating.PixelMm, Beating.PixelMm);
        var centre = new Vec2((Beating.Size - 1) / 2.0, (Beating.Size - 1) / 2.0);
        var epi = new PolarContour(centre, Enumerable.Repeat(epiMm, 96).ToArray(), grid).Rasterize(Beating.Size, Beating.Size);
        var endo = new PolarContour(centre, Enumerable.Repeat(endoMm, 96).ToArray(), grid).Rasterize(Beating.Size, Beating.Size);
        return epi.AndNot(endo);
    }
}
