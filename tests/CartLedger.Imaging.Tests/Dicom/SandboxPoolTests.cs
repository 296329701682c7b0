using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Dicom.Isolation;
using CartLedger.Imaging.Geometry;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Dicom;

/// <summary>Counts decoder processes, so it runs alone (no other test may start children meanwhile).</summary>
[CollectionDefinition(nameof(SandboxPoolTests), DisableParallelization = true)]
public sealed class SandboxPoolCollection;

[Collection(nameof(SandboxPoolTests))]
public class SandboxPoolTests
{
    [Fact]
    public void Reading_files_one_call_at_a_time_reuses_one_warm_decoder_process()
    {
        var folder = RepoPaths.ScratchFolder("pool");
        var series = TestStudies.Series("pool", 1);
        var paths = Enumerable.Range(0, 4).Select(k => DicomWriter.WriteMrImage(Path.Combine(folder, $"{k}.dcm"), new DicomInstance(series, k + 1),
            new SliceImage(new SlicePlane(new Vec3(0, 0, 5 * k), Vec3.UnitX, Vec3.UnitY, 1, 1), TestStudies.Pattern(8, 8))).Path).ToList();
        DicomSandboxPool.Clear();
        var before = DicomDecodeSandbox.TotalChildrenStarted;

        foreach (var path in paths)
        {
            Assert.True(DicomReader.ReadFile(path).PixelsDecoded);
        }

        Assert.Equal(1, DicomDecodeSandbox.TotalChildrenStarted - before);
    }

    [Fact]
    public void A_crash_costs_one_new_decoder_process_and_no_more()
    {
        var crasher = RepoPaths.RequireSharedData("dicom-robustness/pydicom_debian_test_files/rtdose_1frame.dcm");
        var good = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/In/1.dcm");
        DicomSandboxPool.Clear();
        var before = DicomDecodeSandbox.TotalChildrenStarted;

        var results = DicomReader.ReadFiles([good, crasher, good, good]);

        Assert.Equal([true, false, true, true], results.Select(r => r.PixelsDecoded));
        Assert.Equal(2, DicomDecodeSandbox.TotalChildrenStarted - before);
    }
}
