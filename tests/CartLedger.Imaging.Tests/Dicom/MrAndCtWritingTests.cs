using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

public class MrAndCtWritingTests
{
    private const double PositionToleranceMm = 1e-3;

    [Fact]
    public void An_MR_image_round_trips_through_DICOM_with_its_geometry_and_values()
    {
        var folder = RepoPaths.ScratchFolder("mr-roundtrip");
        var plane = TestStudies.ObliquePlane(new Vec3(-112.25, 33.125, 201.0625));
        var image = TestStudies.Pattern(24, 16, scale: 0.37, offset: 5.5);
        var instance = new DicomInstance(TestStudies.Series("mr", 3), 7);
        var written = DicomWriter.WriteMrImage(Path.Combine(folder, "mr.dcm"), instance, new SliceImage(plane, image), new MrImageAttributes { TriggerTimeMs = 37.5, CardiacNumberOfImages = 25 });

        var read = DicomReader.ReadImage(written.Path);

        Assert.True(DicomPlaneReader.TryReadPlane(read.Header, out var readPlane, out _));
        Assert.True(readPlane.Origin.DistanceTo(plane.Origin) < PositionToleranceMm);
        Assert.True(readPlane.ToPatient(23, 15).DistanceTo(plane.ToPatient(23, 15)) < PositionToleranceMm);
        Assert.Equal(24, read.Frames[0].Width);
        Assert.Equal(16, read.Frames[0].Height);
        var step = (image.Pixels.Max() - image.Pixels.Min()) / 65535.0;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            Assert.True(Math.Abs(read.Frames[0].Pixels[i] - image.Pixels[i]) <= step / 2 + 1e-4, $"pixel {i}: wrote {image.Pixels[i]}, read {read.Frames[0].Pixels[i]}");
        }
        Assert.Equal(37.5, read.Header.TriggerTimeMs);
        Assert.Equal(written.SopInstanceUid, read.Header.SopInstanceUid);
    }

    [Fact]
    public void A_written_MR_image_is_valid_and_reads_the_same_in_pydicom_and_dcmdump()
    {
        var folder = RepoPaths.ScratchFolder("mr-valid");
        var plane = TestStudies.ObliquePlane(new Vec3(10.5, -20.25, 30.125));
        var image = TestStudies.Pattern(12, 10, scale: 0.5);
        var written = DicomWriter.WriteMrImage(Path.Combine(folder, "mr.dcm"), new DicomInstance(TestStudies.Series("mr", 3), 1), new SliceImage(plane, image));

        var pydicom = DicomValidators.AssertValid(written.Path);
        var dump = DicomValidators.Dcmdump(written.Path);

        Assert.Equal([10, 12], pydicom.PixelShape);
        var ours = DicomReader.ReadImage(written.Path, DicomReadOptions.Trusted).Frames[0].Pixels;
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(ours[i], pydicom.PixelValues[i], 1e-3);
        }
        Assert.Equal(written.SopInstanceUid, pydicom.Text("SOPInstanceUID"));
        Assert.Equal(written.SopInstanceUid, dump.TopLevel["0008,0018"]);
        Assert.Equal(pydicom.Text("ImagePositionPatient"), dump.TopLevel["0020,0032"]);
        Assert.Equal(pydicom.Text("FrameOfReferenceUID"), dump.TopLevel["0020,0052"]);
        Assert.Equal("MR", pydicom.Text("Modality"));
    }

    [Fact]
    public void A_CT_volume_written_as_a_stack_loads_back_as_the_same_volume()
    {
        var folder = RepoPaths.ScratchFolder("ct-volume");
        var geometry = VolumeGeometry.Axial(20, 14, 5, new Vec3(-50.5, -30.25, 100.75), new Vec3(0.75, 0.8, 1.25));
        var volume = new Volume(geometry);
        for (var k = 0; k < geometry.SizeK; k++)
        {
            TestStudies.HounsfieldPattern(20, 14, k).Pixels.CopyTo(volume.Voxels, k * 20 * 14);
        }
        var series = TestStudies.Series("ct", 2, "CT heart");
        var written = DicomWriter.WriteCtVolume(folder, series, volume);
        foreach (var file in written)
        {
            DicomValidators.AssertValid(file.Path);
        }

        var import = DicomFolderReader.Read(folder);

        var loaded = Assert.Single(import.Loaded);
        var stack = Assert.IsType<StackContent>(loaded.Content);
        Assert.Equal(series.SeriesInstanceUid, loaded.SeriesInstanceUid);
        Assert.Equal(1.25, stack.SliceSpacingMm, 1e-6);
        Assert.True(stack.Volume.Geometry.Origin.DistanceTo(geometry.Origin) < PositionToleranceMm);
        Assert.True(stack.Volume.Geometry.ToPatient(19, 13, 4).DistanceTo(geometry.ToPatient(19, 13, 4)) < PositionToleranceMm);
        Assert.Equal(volume.Voxels, stack.Volume.Voxels);
        Assert.Empty(import.FileErrors);
    }

    [Fact]
    public void Writing_the_same_image_twice_gives_the_same_bytes()
    {
        var folder = RepoPaths.ScratchFolder("mr-deterministic");
        var image = new SliceImage(TestStudies.ObliquePlane(Vec3.Zero), TestStudies.Pattern(8, 8));
        var instance = new DicomInstance(TestStudies.Series("det", 1), 1);
        var a = DicomWriter.WriteMrImage(Path.Combine(folder, "a.dcm"), instance, image);
        var b = DicomWriter.WriteMrImage(Path.Combine(folder, "b.dcm"), instance, image);

        Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        Assert.StartsWith("2.25.", a.SopInstanceUid, StringComparison.Ordinal);
    }
}
