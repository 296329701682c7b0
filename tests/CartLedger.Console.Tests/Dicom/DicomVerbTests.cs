using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Dicom;

public class DicomVerbTests
{
    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.RunAsync(args, new Terminal(output, error, interactive: false)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static string FolderWithTwoMrSlices(string name)
    {
        var folder = RepoPaths.ScratchFolder(name);
        var study = new DicomStudy(new DicomPatient("CRT-CLI-1"), DicomUid.FromParts(name, "study"));
        var series = new DicomSeries(study, DicomUid.FromParts(name, "series"), DicomUid.FromParts(name, "for"), 1, "LGE");
        for (var k = 0; k < 2; k++)
        {
            var plane = new SlicePlane(new Vec3(0, 0, 8 * k), Vec3.UnitX, Vec3.UnitY, 1.5, 1.5);
            var image = new Image2D(6, 4, Enumerable.Range(0, 24).Select(i => (float)(i + 10 * k)).ToArray());
            DicomWriter.WriteMrImage(Path.Combine(folder, $"slice{k}.dcm"), new DicomInstance(series, k + 1), new SliceImage(plane, image));
        }
        return folder;
    }

    [Fact]
    public void Inspect_prints_one_line_per_file_and_exits_0_when_all_are_readable()
    {
        var folder = FolderWithTwoMrSlices("cli-inspect-ok");

        var (code, output, error) = Run("dicom", "inspect", folder);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", error);
        var lines = output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"slice\d\.dcm: MR \| MR Image \| Explicit VR Little Endian \| 6x4, 1 frame, MONOCHROME2 \| origin .* mm.* \| pixels decode \(\d+ ms\)$", l));
    }

    [Fact]
    public void Inspect_gives_one_error_line_for_a_bad_file_and_exits_1()
    {
        var folder = FolderWithTwoMrSlices("cli-inspect-bad");
        var junk = Path.Combine(folder, "junk.dcm");
        File.WriteAllBytes(junk, new byte[300]);

        var (code, output, error) = Run("dicom", "inspect", folder);

        Assert.Equal(ExitCodes.Failure, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Single(lines, l => l.StartsWith($"{junk}: error: not a DICOM file", StringComparison.Ordinal));
        Assert.Equal("cartledger: error: 1 of 3 files could not be read", error.Trim());
    }

    [Fact]
    public void Inspect_with_json_prints_one_document_describing_every_file()
    {
        var folder = FolderWithTwoMrSlices("cli-inspect-json");
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "hello");

        var (code, output, _) = Run("dicom", "inspect", "--json", folder);

        Assert.Equal(ExitCodes.Failure, code);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(3, files.Count);
        Assert.Equal(2, json.RootElement.GetProperty("readable").GetInt32());
        var mr = files.First(f => f.GetProperty("path").GetString()!.EndsWith("slice0.dcm", StringComparison.Ordinal));
        Assert.Equal("MR", mr.GetProperty("modality").GetString());
        Assert.Equal(6, mr.GetProperty("columns").GetInt32());
        Assert.True(mr.GetProperty("pixelsDecoded").GetBoolean());
        Assert.Equal("1.2.840.10008.1.2.1", mr.GetProperty("transferSyntaxUid").GetString());
    }

    [Fact]
    public void Inspect_of_a_path_that_does_not_exist_exits_1_naming_it()
    {
        var (code, _, error) = Run("dicom", "inspect", "/no/such/place.dcm");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("cartledger: error: /no/such/place.dcm: no such file or folder", error.Trim());
    }

    [Fact]
    public void Inspect_survives_a_file_that_aborts_GDCM()
    {
        var crasher = RepoPaths.RequireSharedData("dicom-robustness/pydicom_debian_test_files/rtdose_1frame.dcm");

        var (code, output, _) = Run("dicom", "inspect", crasher);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("error: the GDCM decoder process died on this file (exit 134, SIGABRT)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_shows_a_stack_and_exits_0_when_every_series_loads()
    {
        var folder = FolderWithTwoMrSlices("cli-series");

        var (code, output, _) = Run("dicom", "series", folder);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("MR \"LGE\" (2 files): stack of 2 slices x 1 phases, 6x4 pixels of 1.5x1.5 mm, slice spacing 8 mm", output, StringComparison.Ordinal);
    }
}
