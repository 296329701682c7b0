using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

/// <summary>Broken input is rejected per series, naming file and attribute, and never stops the other series.</summary>
public class BadInputTests
{
    private static readonly SlicePlane Axial = new(new Vec3(-20, -15, 40), Vec3.UnitX, Vec3.UnitY, 1.5, 1.5);

    /// <summary>A folder holding a good CT series and an MR series whose slices are at the given positions along z.</summary>
    private static (string Folder, List<WrittenInstance> Mr) FolderWithGoodCtAnd(string name, double[] mrPositionsMm, Func<int, SlicePlane>? planeOf = null)
    {
        var folder = RepoPaths.ScratchFolder(name);
        var ct = new Volume(VolumeGeometry.Axial(8, 6, 3, new Vec3(0, 0, 0), new Vec3(1, 1, 2)));
        DicomWriter.WriteCtVolume(Path.Combine(folder, "ct"), TestStudies.Series(name, 1, "CT"), ct);
        var series = TestStudies.Series(name, 2, "LGE");
        var mr = new List<WrittenInstance>();
        for (var k = 0; k < mrPositionsMm.Length; k++)
        {
            var plane = planeOf?.Invoke(k) ?? Axial with { Origin = Axial.Origin + Vec3.UnitZ * mrPositionsMm[k] };
            mr.Add(DicomWriter.WriteMrImage(Path.Combine(folder, "mr", $"slice{k}.dcm"), new DicomInstance(series, k + 1), new SliceImage(plane, TestStudies.Pattern(10, 8))));
        }
        return (folder, mr);
    }

    private static RejectedSeries RejectedWithCtLoaded(DicomFolderImport import)
    {
        var loaded = Assert.Single(import.Loaded);
        Assert.Equal("CT", loaded.Modality);
        return Assert.Single(import.Rejected);
    }

    private static void RemoveAttribute(string path, DicomTag tag)
    {
        var result = ExternalTool.Run("dcmodify", ["-nb", "-ea", $"({tag.Group:X4},{tag.Element:X4})", path]);
        Assert.True(result.ExitCode == 0, result.Combined);
    }

    [Fact]
    public void A_truncated_file_rejects_its_series_naming_the_file_and_the_pixel_data()
    {
        var (folder, mr) = FolderWithGoodCtAnd("bad-truncated", [0, 8, 16, 24]);
        var bytes = File.ReadAllBytes(mr[2].Path);
        File.WriteAllBytes(mr[2].Path, bytes[..(bytes.Length - 37)]);

        var rejected = RejectedWithCtLoaded(DicomFolderReader.Read(folder));

        var reason = Assert.Single(rejected.Reasons);
        Assert.Equal(mr[2].Path, reason.File);
        Assert.Equal(DicomTags.PixelData, reason.Tag);
        Assert.Contains("truncated", reason.Message, StringComparison.Ordinal);
        Assert.Equal(mr[0].SeriesInstanceUid, rejected.SeriesInstanceUid);
    }

    [Fact]
    public void Non_DICOM_bytes_are_a_file_error_and_every_series_still_loads()
    {
        var (folder, _) = FolderWithGoodCtAnd("bad-not-dicom", [0, 8, 16]);
        var junk = Path.Combine(folder, "notes.txt");
        File.WriteAllText(junk, "not an image, just some text that happens to sit in the study folder\n");
        var random = Path.Combine(folder, "random.bin");
        File.WriteAllBytes(random, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());

        var import = DicomFolderReader.Read(folder);

        Assert.Equal(2, import.Loaded.Count());
        Assert.Empty(import.Rejected);
        Assert.Equal([junk, random], import.FileErrors.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.All(import.FileErrors, e => Assert.Contains("not a DICOM file", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_ImagePositionPatient_rejects_the_series_naming_file_and_tag()
    {
        var (folder, mr) = FolderWithGoodCtAnd("bad-no-ipp", [0, 8, 16]);
        RemoveAttribute(mr[1].Path, DicomTags.ImagePositionPatient);

        var reason = Assert.Single(RejectedWithCtLoaded(DicomFolderReader.Read(folder)).Reasons);

        Assert.Equal((mr[1].Path, DicomTags.ImagePositionPatient, "missing"), (reason.File, reason.Tag, reason.Message));
        Assert.Equal($"{mr[1].Path}: ImagePositionPatient (0020,0032): missing", reason.ToString());
    }

    [Fact]
    public void A_missing_PixelSpacing_rejects_the_series_naming_file_and_tag()
    {
        var (folder, mr) = FolderWithGoodCtAnd("bad-no-spacing", [0, 8, 16]);
        RemoveAttribute(mr[0].Path, DicomTags.PixelSpacing);

        var reason = Assert.Single(RejectedWithCtLoaded(DicomFolderReader.Read(folder)).Reasons);

        Assert.Equal((mr[0].Path, DicomTags.PixelSpacing), (reason.File, reason.Tag));
    }

    [Fact]
    public void An_XA_run_without_a_positioner_angle_is_rejected_naming_the_tag()
    {
        var (folder, _) = FolderWithGoodCtAnd("bad-no-positioner", []);
        var geometry = new CArmGeometry(30, 0, 1200, 800, 0.3, 0.3, 16, 12, Vec3.Zero);
        var xa = DicomWriter.WriteXaImage(Path.Combine(folder, "xa.dcm"), new DicomInstance(TestStudies.Series("bad-no-positioner", 5, "fluoro"), 1), [TestStudies.Pattern(16, 12)], geometry);
        RemoveAttribute(xa.Path, DicomTags.PositionerPrimaryAngle);

        var reason = Assert.Single(RejectedWithCtLoaded(DicomFolderReader.Read(folder)).Reasons);

        Assert.Equal((xa.Path, DicomTags.PositionerPrimaryAngle, "missing"), (reason.File, reason.Tag, reason.Message));
    }

    [Fact]
    public void Inconsistent_slice_spacing_rejects_the_series_naming_the_slice_after_the_gap()
    {
        var (folder, mr) = FolderWithGoodCtAnd("bad-spacing", [0, 8, 16, 30, 38]);

        var reason = Assert.Single(RejectedWithCtLoaded(DicomFolderReader.Read(folder)).Reasons);

        Assert.Equal((mr[3].Path, DicomTags.ImagePositionPatient), (reason.File, reason.Tag));
        Assert.Contains("inconsistent slice spacing: 14 mm", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_orientations_in_one_series_reject_it_naming_the_odd_file()
    {
        var tilted = TestStudies.ObliquePlane(new Vec3(0, 0, 16), 1.5, 1.5);
        var (folder, mr) = FolderWithGoodCtAnd("bad-orientation", [0, 8, 16], k => k == 2 ? tilted : Axial with { Origin = Axial.Origin + Vec3.UnitZ * (8 * k) });

        var reason = Assert.Single(RejectedWithCtLoaded(DicomFolderReader.Read(folder)).Reasons);

        Assert.Equal(DicomTags.ImageOrientationPatient, reason.Tag);
        Assert.Contains("mixed orientations", reason.Message, StringComparison.Ordinal);
        Assert.True(reason.File == mr[2].Path || reason.Message.Contains(mr[2].Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Files_above_the_size_limits_are_refused_before_decoding_with_the_limit_named()
    {
        var (_, mr) = FolderWithGoodCtAnd("bad-limits", [0]);

        var decoded = DicomReader.ReadFile(mr[0].Path, DicomReadOptions.Default with { MaxDecodedBytes = 100 });
        var file = DicomReader.ReadFile(mr[0].Path, DicomReadOptions.Default with { MaxFileBytes = 1000 });

        Assert.Equal(DicomTags.PixelData, decoded.Problem!.Tag);
        Assert.Contains("would decode to 160 bytes, above the limit of 100", decoded.Problem.Message, StringComparison.Ordinal);
        Assert.NotNull(decoded.Header);
        Assert.Null(file.Header);
        Assert.Contains("above the limit of 1000 bytes", file.Problem!.Message, StringComparison.Ordinal);
    }
}
