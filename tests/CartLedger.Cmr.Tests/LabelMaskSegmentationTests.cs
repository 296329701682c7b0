using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Tests;

/// <summary>
/// Label masks from another tool (0 background, 1 blood pool, 2 myocardium) as the segmentation: contours read off the
/// masks between their pixels, unlabelled phases propagated, orientation and end-systole as in the automatic chain,
/// bad masks refused naming the file.
/// </summary>
public sealed class LabelMaskSegmentationTests
{
    private const int Phases = 16;

    /// <summary>A beating synthetic heart: the cavity shrinks by 5 mm and the epicardium by 3 mm at mid-cycle.</summary>
    private static readonly SyntheticHeart Beating = new()
    {
        SliceCount = 6,
        PhaseCount = Phases,
        Radii = (slice, phase, _) =>
        {
            var contraction = 0.5 * (1 - Math.Cos(2 * Math.PI * phase / Phases));
            return (24 - 1.5 * slice - 5 * contraction, 34 - 1.2 * slice - 3 * contraction);
        },
    };

    private static readonly Lazy<CineStack> Cine = new(Beating.Build);

    private static readonly PixelGrid Grid = new(Beating.PixelMm, Beating.PixelMm);

    private static readonly Vec2 Centre = new((Beating.Size - 1) / 2.0, (Beating.Size - 1) / 2.0);

    [Fact]
    public void A_ring_mask_of_known_radii_gives_contours_within_half_a_pixel_and_unbiased()
    {
        var mask = Ring(20, 28, "ring.png");

        var contours = LabelMaskSegmentation.Contours(mask, Centre, Grid, SegmentationParameters.Default);

        // A mask keeps a circle only to its pixels: each ray within half a pixel, the mean radius within a tenth of one.
        Assert.All(contours.Endocardium.RadiiMm, r => Assert.InRange(r, 20 - Beating.PixelMm / 2, 20 + Beating.PixelMm / 2));
        Assert.All(contours.Epicardium.RadiiMm, r => Assert.InRange(r, 28 - Beating.PixelMm / 2, 28 + Beating.PixelMm / 2));
        Assert.InRange(contours.Endocardium.MeanRadiusMm(), 20 - Beating.PixelMm / 10, 20 + Beating.PixelMm / 10);
        Assert.InRange(contours.Epicardium.MeanRadiusMm(), 28 - Beating.PixelMm / 10, 28 + Beating.PixelMm / 10);
    }

    [Fact]
    public void A_papillary_muscle_inside_the_pool_and_a_separate_blob_outside_the_ring_are_not_taken_for_the_wall()
    {
        var mask = Ring(20, 28, "ring.png");
        Paint(mask, 10, 0, 3, LabelMask.Myocardium); // papillary muscle inside the pool, on the ray at angle 0
        Paint(mask, 36, 0, 3, LabelMask.Myocardium); // a blob 5 mm beyond the epicardium (e.g. a mislabelled RV wall)

        var contours = LabelMaskSegmentation.Contours(mask, Centre, Grid, SegmentationParameters.Default);

        Assert.InRange(contours.Endocardium.RadiiMm[0], 19.5, 20.5);
        Assert.InRange(contours.Epicardium.RadiiMm[0], 27.5, 28.5);
    }

    [Fact]
    public void Masks_at_end_diastole_and_end_systole_only_give_every_phase_the_orientation_and_end_systole()
    {
        var cine = Cine.Value;
        var masks = TrueMasks(cine, phases: [0, 8]);

        var segmentation = LabelMaskSegmentation.Segment(cine, masks, SegmentationParameters.Default, 0, "expert");

        Assert.Equal(Beating.SliceCount, segmentation.FullSlices.Count());
        Assert.InRange(segmentation.EndSystolePhase, 7, 9);
        var ordered = CineOrder.BaseToApex(cine);
        foreach (var slice in segmentation.SlicesBaseToApex)
        {
            var truthIndex = cine.Slices.ToList().IndexOf(ordered[slice.Index]);
            foreach (var phase in new[] { 0, 4, 8, 12 })
            {
                var (endo, epi) = Beating.Radii(truthIndex, phase, 0);
                var found = slice.Phases[phase];
                Assert.InRange(found.Endocardium.MeanRadiusMm(), endo - 1.5, endo + 1.5);
                Assert.InRange(found.Epicardium.MeanRadiusMm(), epi - 1.5, epi + 1.5);
            }
        }
        var turn = Math.Acos(Math.Clamp(segmentation.Orientation.AnteriorDirection.Dot(Beating.TrueOrientation.AnteriorDirection), -1, 1)) * 180 / Math.PI;
        Assert.True(turn < 15, $"anterior insertion {turn:0.0} degrees from the truth");
        Assert.Equal("detected", segmentation.Orientation.Source);
        Assert.StartsWith("Contours from label masks (expert)", segmentation.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_labelled_phase_where_the_slice_leaves_the_lv_is_propagated_instead()
    {
        var cine = Cine.Value;
        var basal = CineOrder.BaseToApex(cine)[0];
        var s = cine.Slices.ToList().IndexOf(basal);
        // Phase 4 of the basal slice drawn as an outflow-tract remnant: a small pool, no ring (the base moved out of the slice).
        var masks = TrueMasks(cine, phases: [0, 8]).Append(Ring(8, 8, $"{basal.SopInstanceUids[4]}.png")).ToList();

        var segmentation = LabelMaskSegmentation.Segment(cine, masks, SegmentationParameters.Default, 0, "expert");

        var (endo, _) = Beating.Radii(s, 4, 0);
        Assert.InRange(segmentation.SlicesBaseToApex[0].Phases[4].Endocardium.MeanRadiusMm(), endo - 1.5, endo + 1.5);
        Assert.Contains(segmentation.Warnings, w => w.StartsWith("Cine slice 0: 1 labelled phase(s) (5) show the slice leaving the LV", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_masks_are_refused_naming_the_mask_and_the_reason()
    {
        var cine = Cine.Value;
        var good = TrueMasks(cine, phases: [0]);
        var uid = cine.Slices[2].SopInstanceUids[0];

        var wrongSize = Refused(cine, [.. good.Where(m => !m.Source.Contains(uid, StringComparison.Ordinal)), new LabelMask(64, 64, new byte[64 * 64], $"{uid}.png")]);
        var badLabel = Refused(cine, [.. good.Select(m => m.Source.Contains(uid, StringComparison.Ordinal) ? m with { Labels = [.. m.Labels.Select(l => l == 2 ? (byte)3 : l)] } : m)]);
        var noEndDiastole = Refused(cine, [.. good.Where(m => !m.Source.Contains(uid, StringComparison.Ordinal)), Ring(20, 28, $"{cine.Slices[2].SopInstanceUids[5]}.png")]);
        var nothingNamed = Refused(cine, [Ring(20, 28, "1.2.3.png")]);
        var noRing = Refused(cine, [.. good.Select(m => m with { Labels = [.. m.Labels.Select(l => l == 2 ? (byte)0 : l)] })]);

        Assert.Contains($"{uid}.png: 64x64 pixels, but cine image {uid} is 128x128", wrongSize, StringComparison.Ordinal);
        Assert.Contains($"{uid}.png: label 3 found", badLabel, StringComparison.Ordinal);
        Assert.Contains("but none at end-diastole (phase 1", noEndDiastole, StringComparison.Ordinal);
        Assert.Contains("no label mask is named after an image of cine series 2.25.1", nothingNamed, StringComparison.Ordinal);
        Assert.Contains("expert: no cine slice has myocardium (label 2) all round", noRing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mask_png_that_is_not_8_bit_grey_is_refused_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("cartledger-labels-").FullName;
        try
        {
            var path = Path.Combine(folder, "2.25.1100.png");
            PngEncoder.Write(path, new RgbImage(4, 4));

            var error = Assert.Throws<InvalidDataException>(() => LabelMask.ReadFolder(folder));

            Assert.Contains($"{path}: a label mask is an 8-bit greyscale PNG", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Refused(CineStack cine, IReadOnlyList<LabelMask> masks) =>
        Assert.Throws<InvalidDataException>(() => LabelMaskSegmentation.Segment(cine, masks, SegmentationParameters.Default, 0, "expert")).Message;

    /// <summary>The true label maps of the listed phases of every slice (rasterised like `cmr segment` writes them).</summary>
    private static List<LabelMask> TrueMasks(CineStack cine, IReadOnlyList<int> phases)
    {
        var masks = new List<LabelMask>();
        for (var s = 0; s < cine.Slices.Count; s++)
        {
            foreach (var t in phases)
            {
                var (endo, epi) = Beating.Radii(s, t, 0);
                masks.Add(Ring(endo, epi, $"{cine.Slices[s].SopInstanceUids[t]}.png"));
            }
        }
        return masks;
    }

    private static LabelMask Ring(double endoMm, double epiMm, string name)
    {
        var epi = new PolarContour(Centre, Enumerable.Repeat(epiMm, 96).ToArray(), Grid).Rasterize(Beating.Size, Beating.Size);
        var endo = new PolarContour(Centre, Enumerable.Repeat(endoMm, 96).ToArray(), Grid).Rasterize(Beating.Size, Beating.Size);
        var labels = new byte[Beating.Size * Beating.Size];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = endo.Bits[i] != 0 ? LabelMask.BloodPool : epi.Bits[i] != 0 ? LabelMask.Myocardium : LabelMask.Background;
        }
        return new LabelMask(Beating.Size, Beating.Size, labels, name);
    }

    /// <summary>Paints a disc of <paramref name="radiusMm"/> at <paramref name="distanceMm"/> from the centre along the ray at <paramref name="angleDeg"/>.</summary>
    private static void Paint(LabelMask mask, double distanceMm, double angleDeg, double radiusMm, byte label)
    {
        var at = Centre + Grid.Offset(distanceMm, angleDeg * Math.PI / 180);
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (Grid.LengthMm(new Vec2(x - at.X, y - at.Y)) <= radiusMm)
                {
                    mask.Labels[y * mask.Width + x] = label;
                }
            }
        }
    }
}
