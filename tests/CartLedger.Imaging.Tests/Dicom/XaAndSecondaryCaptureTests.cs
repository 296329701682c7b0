using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

public class XaAndSecondaryCaptureTests
{
    private const double ProjectionTolerancePx = 0.1;

    private static CArmGeometry Lao40Cranial15 => new(40, 15, 1200, 750, 0.3, 0.3, 64, 48, Vec3.Zero);

    [Fact]
    public void Projection_matrices_from_written_XA_tags_reproduce_the_known_projection_of_3D_points()
    {
        var folder = RepoPaths.ScratchFolder("xa-projection");
        var views = new[] { Lao40Cranial15, new CArmGeometry(-30, -10, 1100, 700, 0.25, 0.28, 64, 48, Vec3.Zero) };
        var points = new[] { new Vec3(0, 0, 0), new Vec3(35.5, -12.25, 60), new Vec3(-48, 52, -31.5), new Vec3(10, 80, 5) };
        for (var v = 0; v < views.Length; v++)
        {
            var frames = new[] { TestStudies.Pattern(64, 48, 0.1, 100), TestStudies.Pattern(64, 48, 0.2, 50) };
            var written = DicomWriter.WriteXaImage(Path.Combine(folder, $"view{v}.dcm"), new DicomInstance(TestStudies.Series("xa", 10 + v, "fluoro"), 1), frames, views[v]);
            var image = DicomReader.ReadImage(written.Path);

            Assert.True(DicomCArmReader.TryRead(image.Header, out var geometry, out var problem), problem?.ToString());
            var expected = views[v].ToProjectionMatrix();
            var actual = geometry.ToProjectionMatrix();
            foreach (var point in points)
            {
                Assert.True(actual.Project(point).DistanceTo(expected.Project(point)) < ProjectionTolerancePx, $"view {v}, point {point}");
            }
            Assert.Equal(2, image.Frames.Count);
        }
    }

    [Fact]
    public void A_written_XA_run_is_valid_and_pydicom_reads_its_frames_and_positioner_tags()
    {
        var folder = RepoPaths.ScratchFolder("xa-valid");
        var frames = new[] { TestStudies.Pattern(64, 48, 1, 10), TestStudies.Pattern(64, 48, 2, 20), TestStudies.Pattern(64, 48, 3, 30) };
        var written = DicomWriter.WriteXaImage(Path.Combine(folder, "run.dcm"), new DicomInstance(TestStudies.Series("xa", 10, "fluoro"), 1), frames, Lao40Cranial15);

        var pydicom = DicomValidators.AssertValid(written.Path);

        Assert.Equal([3, 48, 64], pydicom.PixelShape);
        Assert.Equal("40", pydicom.Text("PositionerPrimaryAngle"));
        Assert.Equal("15", pydicom.Text("PositionerSecondaryAngle"));
        Assert.Equal("1200", pydicom.Text("DistanceSourceToDetector"));
        Assert.Equal("750", pydicom.Text("DistanceSourceToPatient"));
        Assert.Equal("0.3\\0.3", pydicom.Text("ImagerPixelSpacing"));
        var ours = DicomReader.ReadImage(written.Path, DicomReadOptions.Trusted);
        var step = (frames.Max(f => f.Pixels.Max()) - frames.Min(f => f.Pixels.Min())) / 65535.0;
        for (var f = 0; f < 3; f++)
        {
            for (var i = 0; i < frames[f].Pixels.Length; i += 7)
            {
                Assert.True(Math.Abs(ours.Frames[f].Pixels[i] - frames[f].Pixels[i]) <= step / 2 + 1e-3);
                Assert.Equal(ours.Frames[f].Pixels[i], pydicom.PixelValues[f * 64 * 48 + i], 1e-3);
            }
        }
    }

    [Fact]
    public void An_XA_view_in_AP_names_patient_left_on_image_right_and_feet_down()
    {
        var folder = RepoPaths.ScratchFolder("xa-orientation");
        var ap = new CArmGeometry(0, 0, 1200, 750, 0.3, 0.3, 64, 48, Vec3.Zero);
        var written = DicomWriter.WriteXaImage(Path.Combine(folder, "ap.dcm"), new DicomInstance(TestStudies.Series("xa", 12, "AP"), 1), [TestStudies.Pattern(64, 48)], ap);

        Assert.Equal("L\\F", DicomValidators.Pydicom(written.Path).Text("PatientOrientation"));
    }

    [Fact]
    public void An_XA_geometry_with_the_isocentre_away_from_the_origin_is_refused_rather_than_lost()
    {
        var moved = Lao40Cranial15 with { IsocenterLps = new Vec3(5, 0, 0) };
        var error = Assert.Throws<ArgumentException>(() =>
            DicomWriter.WriteXaImage(Path.Combine(RepoPaths.ScratchFolder("xa-iso"), "x.dcm"), new DicomInstance(TestStudies.Series("xa", 1), 1), [TestStudies.Pattern(64, 48)], moved));
        Assert.Contains("isocentre", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_RGB_secondary_capture_is_valid_and_keeps_its_colours()
    {
        var folder = RepoPaths.ScratchFolder("sc");
        var picture = new RgbImage(5, 3);
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                picture[x, y] = ((byte)(50 * x), (byte)(80 * y), (byte)(255 - 40 * x));
            }
        }
        var written = DicomWriter.WriteSecondaryCapture(Path.Combine(folder, "bullseye.dcm"), new DicomInstance(TestStudies.Series("sc", 90, "bullseye"), 1), picture);

        var pydicom = DicomValidators.AssertValid(written.Path);
        var read = DicomReader.ReadImage(written.Path);

        Assert.Equal([3, 5, 3], pydicom.PixelShape);
        Assert.Equal(picture.Rgb.Select(b => (double)b), pydicom.PixelValues);
        Assert.Equal(picture.Rgb, Assert.Single(read.ColourFrames).Rgb);
    }
}
