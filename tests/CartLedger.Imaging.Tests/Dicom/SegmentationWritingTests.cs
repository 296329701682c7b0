using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

public class SegmentationWritingTests
{
    private const int Width = 20, Height = 16;

    private static readonly SegmentDescription[] Segments =
    [
        new(1, "LV myocardium", SegmentationCodes.AnatomicalStructure, SegmentationCodes.Myocardium, new RgbColour(200, 60, 60)),
        new(2, "Scar", SegmentationCodes.MorphologicallyAlteredStructure, SegmentationCodes.Infarct, new RgbColour(250, 250, 210), "SEMIAUTOMATIC", "CartLedger FWHM 1.0"),
        new(3, "Target area", SegmentationCodes.PlanningTarget, SegmentationCodes.LeadTargetArea, new RgbColour(40, 200, 80), "MANUAL", null),
    ];

    /// <summary>Three LGE slices on an oblique grid, a myocardial ring on each, scar inside the ring on two, target on one.</summary>
    private static (List<SegmentationSource> Sources, SegmentationMasks Masks, DicomSeries LgeSeries) WriteSources(string folder)
    {
        var lge = TestStudies.Series("seg", 4, "LGE");
        var sources = new List<SegmentationSource>();
        var masks = new SegmentationMasks(Width, Height, 3);
        for (var k = 0; k < 3; k++)
        {
            var plane = TestStudies.ObliquePlane(new Vec3(-30, 12, 50)).Shifted(8 * k);
            var image = new SliceImage(plane, TestStudies.Pattern(Width, Height));
            sources.Add(SegmentationSource.From(DicomWriter.WriteMrImage(Path.Combine(folder, "lge", $"{k}.dcm"), new DicomInstance(lge, k + 1), image), image));
            var ring = new byte[Width * Height];
            var scar = new byte[Width * Height];
            var target = new byte[Width * Height];
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var r = Math.Sqrt((x - 10) * (x - 10) + (y - 8) * (y - 8));
                    ring[y * Width + x] = (byte)(r is >= 4 and <= 6.5 ? 1 : 0);
                    scar[y * Width + x] = (byte)(r is >= 4 and <= 6.5 && x > 10 + k ? 1 : 0);
                    target[y * Width + x] = (byte)(k == 1 && r is >= 4 and <= 6.5 && y < 5 ? 1 : 0);
                }
            }
            masks.Set(1, k, ring);
            if (k < 2)
            {
                masks.Set(2, k, scar);
            }
            masks.Set(3, k, target);
        }
        return (sources, masks, lge);
    }

    [Fact]
    public void A_segmentation_is_valid_and_reads_back_with_the_same_masks_planes_and_references()
    {
        var folder = RepoPaths.ScratchFolder("seg");
        var (sources, masks, lge) = WriteSources(folder);
        var segSeries = lge with { SeriesInstanceUid = DicomUid.FromParts("seg", "segmentation series"), SeriesNumber = 40, Description = "LV segmentation" };

        var written = DicomWriter.WriteSegmentation(Path.Combine(folder, "seg.dcm"), new DicomInstance(segSeries, 1), new SegmentationContent("LV_SEGMENTS", "Myocardium, scar, target"), sources, Segments, masks);

        var pydicom = DicomValidators.AssertValid(written.Path);
        var read = DicomSegmentationReader.Read(written.Path);
        // 3 ring frames + 2 scar frames + 1 target frame.
        Assert.Equal(6, read.Frames.Count);
        Assert.Equal([6, Height, Width], pydicom.PixelShape);
        Assert.Equal(["LV myocardium", "Scar", "Target area"], read.Segments.Select(s => s.Label));
        Assert.Equal(SegmentationCodes.Infarct, read.Segments[1].Type);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(masks.Get(1, k), read.MaskOf(1, sources[k].SopInstanceUid));
            var frame = read.Frames.First(f => f.SourceSopInstanceUid == sources[k].SopInstanceUid);
            Assert.True(frame.Plane.Origin.DistanceTo(sources[k].Plane.Origin) < 1e-3);
        }
        Assert.Equal(masks.Get(3, 1), read.MaskOf(3, sources[1].SopInstanceUid));
        Assert.Null(read.MaskOf(2, sources[2].SopInstanceUid));
        var ourBits = read.Frames.SelectMany(f => f.Mask).Select(v => (double)v);
        Assert.Equal(ourBits, pydicom.PixelValues);
        Assert.Equal(lge.FrameOfReferenceUid, pydicom.Text("FrameOfReferenceUID"));
        Assert.Equal(lge.Study.StudyInstanceUid, pydicom.Text("StudyInstanceUID"));

        // A folder import keeps the LGE stack and the segmentation apart, each loaded as what it is.
        var import = DicomFolderReader.Read(folder);
        Assert.IsType<StackContent>(import.LoadedSeries(lge.SeriesInstanceUid)!.Content);
        var segmentations = Assert.IsType<SegmentationsContent>(import.LoadedSeries(segSeries.SeriesInstanceUid)!.Content);
        Assert.Equal(6, Assert.Single(segmentations.Segmentations).Frames.Count);
    }

    [Fact]
    public void Segment_colours_survive_the_CIELab_round_trip_within_one_step()
    {
        foreach (var colour in new[] { new RgbColour(200, 60, 60), new RgbColour(0, 0, 0), new RgbColour(255, 255, 255), new RgbColour(12, 240, 130) })
        {
            var (l, a, b) = CieLab.FromRgb(colour);
            var back = CieLab.ToRgb(l, a, b);
            Assert.True(Math.Abs(back.R - colour.R) <= 1 && Math.Abs(back.G - colour.G) <= 1 && Math.Abs(back.B - colour.B) <= 1, $"{colour} -> {back}");
        }
    }

    [Fact]
    public void Masks_that_do_not_match_the_source_grid_are_refused()
    {
        var folder = RepoPaths.ScratchFolder("seg-bad");
        var (sources, _, lge) = WriteSources(folder);
        var wrong = new SegmentationMasks(Width + 1, Height, 3);

        var error = Assert.Throws<ArgumentException>(() => DicomWriter.WriteSegmentation(Path.Combine(folder, "seg.dcm"), new DicomInstance(lge, 9), new SegmentationContent("X"), sources, Segments, wrong));

        Assert.Contains("grid", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "seg.dcm")));
    }
}
