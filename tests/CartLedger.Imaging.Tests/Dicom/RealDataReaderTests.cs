using CartLedger.Imaging.Dicom;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

/// <summary>The reader over the real public files in ../shared/data (MANIFEST.md); skipped when absent.</summary>
public class RealDataReaderTests
{
    private const double PositionToleranceMm = 1e-3;

    [Fact]
    public void The_Sunnybrook_cine_forms_a_12_slice_by_20_phase_stack_with_its_geometry()
    {
        var folder = RepoPaths.RequireSharedData("sunnybrook/dicoms/SCD0000101");

        var import = DicomFolderReader.Read(folder);

        Assert.Empty(import.FileErrors);
        Assert.Empty(import.Rejected);
        var series = Assert.Single(import.Loaded);
        // Leading zeros in UID components are invalid DICOM but real: the series still loads.
        Assert.Equal("2.16.124.113543.6006.99.08975550791105350405", series.SeriesInstanceUid);
        var content = Assert.IsType<StackContent>(series.Content);
        var stack = content.Stack;
        Assert.Equal(12, stack.Slices.Count);
        Assert.All(stack.Slices, s => Assert.Equal(20, s.PhaseCount));
        Assert.Equal(10.0, content.SliceSpacingMm, 0.05);
        Assert.Equal(1.367188, stack.Slices[0].Plane.XSpacingMm, 1e-6);
        Assert.All(stack.Slices, s => Assert.True(s.TriggerTimesMs.Zip(s.TriggerTimesMs.Skip(1)).All(p => p.First < p.Second), "phases ordered by TriggerTime"));
        var normal = stack.Slices[0].Plane.Normal;
        for (var k = 1; k < 12; k++)
        {
            Assert.Equal(content.SliceSpacingMm, stack.Slices[k].Plane.PositionAlongNormal - stack.Slices[k - 1].Plane.PositionAlongNormal, 0.05);
        }
        var volume = content.Volume;
        Assert.Equal((256, 256, 12), (volume.Geometry.SizeI, volume.Geometry.SizeJ, volume.Geometry.SizeK));
        Assert.True(volume.Geometry.ToPatient(100, 50, 7).DistanceTo(stack.Slices[7].Plane.ToPatient(100, 50)) < 0.05);
        Assert.Equal(stack.Slices[7].Frames[0].Pixels, volume.Slice(7).Pixels);
        Assert.True(Math.Abs(normal.Length - 1) < 1e-9);
    }

    [Fact]
    public void A_stack_never_depends_on_file_order_or_instance_numbers()
    {
        var folder = RepoPaths.RequireSharedData("sunnybrook/dicoms/SCD0000101");
        var files = Enumerable.Range(1, 40).Select(n => Path.Combine(folder, $"{n}.dcm")).ToList();
        var results = DicomReader.ReadFiles(files);
        var shuffled = results.OrderBy(r => Math.Sin(r.Path.Length * 7919.0 + r.Path.GetHashCode(StringComparison.Ordinal))).ToList();

        var inOrder = Assert.IsType<StackContent>(Assert.Single(DicomFolderReader.Assemble(results).Loaded).Content);
        var mixed = Assert.IsType<StackContent>(Assert.Single(DicomFolderReader.Assemble(shuffled).Loaded).Content);

        Assert.Equal(2, inOrder.Stack.Slices.Count);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(inOrder.Stack.Slices[k].SopInstanceUids, mixed.Stack.Slices[k].SopInstanceUids);
            Assert.True(inOrder.Stack.Slices[k].Plane.Origin.DistanceTo(mixed.Stack.Slices[k].Plane.Origin) < PositionToleranceMm);
        }
    }

    [Fact]
    public void The_nine_dcm_qa_ts_encodings_decode_pixel_identical()
    {
        var folder = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/In");
        var files = Enumerable.Range(1, 9).Select(n => Path.Combine(folder, $"{n}.dcm")).ToList();

        var results = DicomReader.ReadFiles(files);

        var syntaxes = results.Select(r => r.Header?.TransferSyntaxUid).Distinct().Count();
        Assert.Equal(7, syntaxes);
        var reference = results[0].Image!.Frames[0].Pixels;
        Assert.Equal(384 * 384, reference.Length);
        Assert.True(reference.Max() > 0);
        foreach (var result in results)
        {
            Assert.True(result.PixelsDecoded, result.Problem?.ToString());
            Assert.Equal(reference, result.Image!.Frames[0].Pixels);
        }
    }

    [Fact]
    public void The_Siemens_JPEG_2000_CT_series_forms_a_volume_in_hounsfield_units()
    {
        var folder = RepoPaths.RequireSharedData("ct/totalsegmentator_abdomen_ct_dicom_j2k");

        var import = DicomFolderReader.Read(folder);

        var series = Assert.Single(import.Loaded);
        var content = Assert.IsType<StackContent>(series.Content);
        Assert.Equal(20, content.Volume.Geometry.SizeK);
        Assert.Equal(512, content.Volume.Geometry.SizeI);
        Assert.Equal("1.2.840.10008.1.2.4.90", import.Files[0].Header!.TransferSyntaxUid);
        Assert.InRange(content.Volume.Voxels.Min(), -3100, -900);
        Assert.InRange(content.Volume.Voxels.Max(), 200, 4000);
        Assert.True(content.SliceSpacingMm > 0);
        Assert.True(content.Volume.Geometry.AxisK.Dot(content.Volume.Geometry.AxisI.Cross(content.Volume.Geometry.AxisJ)) > 0.999);
    }

    [Fact]
    public void The_real_XA_run_decodes_but_its_series_is_rejected_for_missing_C_arm_distances()
    {
        var file = RepoPaths.RequireSharedData("xray/fo-dicom_HasFragmentSequence_XA_96frames.dcm");

        var image = DicomReader.ReadImage(file);
        var import = DicomFolderReader.Assemble([DicomReader.ReadFile(file)]);

        Assert.Equal(96, image.Frames.Count);
        Assert.Equal("-32", image.Header.Attributes.Text(DicomTags.PositionerPrimaryAngle));
        var rejected = Assert.Single(import.Rejected);
        var reason = Assert.Single(rejected.Reasons);
        Assert.Equal(DicomTags.DistanceSourceToDetector, reason.Tag);
        Assert.Equal(file, reason.File);
    }
}
