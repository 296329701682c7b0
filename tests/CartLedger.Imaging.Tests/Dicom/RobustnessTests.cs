using CartLedger.Imaging.Dicom;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

/// <summary>Hostile and odd real files: every one is read or refused with a reason; none crashes or hangs the caller.</summary>
public class RobustnessTests
{
    private static readonly DicomReadOptions Quick = DicomReadOptions.Default with { TimeoutPerFile = TimeSpan.FromSeconds(5) };

    [Fact]
    public void Every_file_of_the_robustness_set_is_read_or_refused_with_a_reason()
    {
        var robustness = RepoPaths.RequireSharedData("dicom-robustness");
        var xray = RepoPaths.RequireSharedData("xray");
        var files = DicomInspection.Expand(robustness).Concat(DicomInspection.Expand(xray)).ToList();

        var results = DicomInspection.Inspect(files, Quick).ToList();

        Assert.Equal(files, results.Select(r => r.Path));
        Assert.All(results.Where(r => !r.Readable), r => Assert.False(string.IsNullOrWhiteSpace(r.Error), r.Path));
        Assert.All(results.Where(r => r.Readable && r.HasPixelData), r => Assert.True(r.PixelsDecoded && r.Columns > 0 && r.Rows > 0 && r.Frames > 0, r.Path));
        string ErrorOf(string name) => results.Single(r => r.Path.EndsWith(name, StringComparison.Ordinal)).Error ?? "";
        Assert.Contains("SIGABRT", ErrorOf("pydicom_debian_test_files/rtdose_1frame.dcm"), StringComparison.Ordinal);
        Assert.Contains("truncated", ErrorOf("pydicom_debian_test_files/MR_truncated.dcm"), StringComparison.Ordinal);
        Assert.Contains("not a DICOM file", ErrorOf("pydicom_data/README.md"), StringComparison.Ordinal);
        Assert.Contains("HTJ2K", ErrorOf("HTJ2KLossless_08_RGB.dcm"), StringComparison.Ordinal);
        Assert.All(results.Where(r => r.Path.Contains("/dcm_qa_ts/In/", StringComparison.Ordinal)), r => Assert.True(r.Readable, r.Error));
        Assert.True(results.Count(r => r.Readable) > results.Count / 2, "most of the set decodes");
    }

    [Fact]
    public void A_file_that_aborts_GDCM_is_reported_and_the_next_file_still_decodes()
    {
        var crasher = RepoPaths.RequireSharedData("dicom-robustness/pydicom_debian_test_files/rtdose_1frame.dcm");
        var good = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/In/1.dcm");

        var results = DicomReader.ReadFiles([crasher, good, crasher, good]);

        Assert.All(new[] { results[0], results[2] }, r => Assert.Contains("died", r.Problem!.Message, StringComparison.Ordinal));
        Assert.All(new[] { results[1], results[3] }, r => Assert.True(r.PixelsDecoded));
    }

    [Fact]
    public void A_file_that_takes_too_long_is_stopped_and_the_next_file_still_decodes()
    {
        // GDCM needs several seconds to give up on this malformed file (measured 8-10 s on this machine).
        var slow = RepoPaths.RequireSharedData("dicom-robustness/fo_dicom_testdata/GH364.dcm");
        var good = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/In/1.dcm");
        var options = DicomReadOptions.Default with { TimeoutPerFile = TimeSpan.FromSeconds(2) };

        var results = DicomReader.ReadFiles([slow, good], options);

        Assert.Contains("did not finish within 2 s", results[0].Problem!.Message, StringComparison.Ordinal);
        Assert.True(results[1].PixelsDecoded);
    }
}
