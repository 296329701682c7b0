using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Acquisition;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Cmr;

/// <summary>A small phantom written as DICOM once (cine 12 phases, LGE, 2 mm CT) for the cmr verb tests.</summary>
public sealed class CmrPhantomFolder
{
    public CmrPhantomFolder()
    {
        Patient = PhantomGenerator.Generate(PhantomOptions.CmrOnly(5) with
        {
            CinePhases = 12,
            Views = [(40, 0)],
            Scar = [new ScarSpec(17, 100), new ScarSpec(18, 90), new ScarSpec(5, 80)],
        });
        Root = RepoPaths.ScratchFolder("cmr-verbs-phantom");
        Folders = PhantomDicomWriter.Write(Patient, Root);
    }

    public PhantomPatient Patient { get; }
    public string Root { get; }
    public string Dicom => Path.Combine(Root, "dicom");
    public PhantomDicomWriter.Folders Folders { get; }
}

public class CmrVerbTests(CmrPhantomFolder phantom) : IClassFixture<CmrPhantomFolder>
{
    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.RunAsync(args, new Terminal(output, error, interactive: false)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static string Out(string name) => Path.Combine(RepoPaths.ScratchFolder("cmr-verbs"), name);

    [Fact]
    public void Analyze_writes_the_treatment_files_and_analysis_json_and_twice_the_same_bytes()
    {
        var (first, second) = (Out("a"), Out("b"));
        var (code, output, error) = Run("cmr", "analyze", phantom.Dicom, "--out", first, "--json");
        Assert.True(code == ExitCodes.Success, error);
        using var summary = JsonDocument.Parse(output);
        var primary = summary.RootElement.GetProperty("primaryTarget").GetString()!;
        Assert.StartsWith("36:", primary, StringComparison.Ordinal);
        Assert.True(summary.RootElement.GetProperty("scarBurdenPercent").GetDouble() > 0.5);
        Assert.Equal(2, summary.RootElement.GetProperty("exportedFiles").GetArrayLength());
        using var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "analysis.json")));
        Assert.Equal(36, analysis.RootElement.GetProperty("segments").GetArrayLength());
        Assert.Equal(primary, analysis.RootElement.GetProperty("proposal").GetProperty("primary").GetString());
        DicomValidators.AssertValid(Path.Combine(first, "treatment", "dicom", "cmr-surfaces.dcm"));
        Assert.True(File.Exists(Path.Combine(first, "treatment", "pictures", "bullseye-targets.png")));

        var (again, plain, _) = Run("cmr", "analyze", phantom.Dicom, "--out", second);
        Assert.Equal(ExitCodes.Success, again);
        Assert.Contains("primary target " + primary, plain, StringComparison.Ordinal);
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }

    [Fact]
    public void Segment_writes_a_label_png_per_image_on_its_grid_and_contours_json()
    {
        var folder = Out("labels");
        var (code, output, error) = Run("cmr", "segment", phantom.Dicom, "--out", folder, "--json");
        Assert.True(code == ExitCodes.Success, error);
        var cine = phantom.Patient.Cine;
        var images = cine.Slices.Count * cine.PhaseCount + phantom.Patient.Lge.Slices.Count;
        Assert.Equal(images, JsonDocument.Parse(output).RootElement.GetProperty("images").GetInt32());
        Assert.Equal(images, Directory.GetFiles(folder, "*.png").Length);
        // The mid slice at end-diastole: blood pool and myocardium where the phantom's own labels put them.
        var mid = cine.Slices[cine.Slices.Count / 2];
        var labels = PngDecoder.Read(Path.Combine(folder, mid.SopInstanceUids[0] + ".png"));
        Assert.Equal((mid.Frames[0].Width, mid.Frames[0].Height, 1), (labels.Width, labels.Height, labels.Channels));
        Assert.Equal([0, 1, 2], labels.Samples.Distinct().Order().Select(v => (int)v));
        using var contours = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "contours.json")));
        Assert.Equal(images, contours.RootElement.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public void Scar_on_a_real_emidec_slice_finds_the_expert_infarct()
    {
        var image = RepoPaths.RequireSharedData("emidec/images/Case_P004_slice003.png");
        var expert = PngDecoder.Read(RepoPaths.RequireSharedData("emidec/labels/Case_P004_slice003.png"));
        var folder = RepoPaths.ScratchFolder("cmr-scar-emidec");
        var myocardium = expert.Samples.Select(v => v >= 2 ? (byte)255 : (byte)0).ToArray();
        PngEncoder.WriteGrey(Path.Combine(folder, "myo.png"), myocardium, expert.Width, expert.Height);
        var (code, output, error) = Run("cmr", "scar", image, "--myocardium", Path.Combine(folder, "myo.png"), "--out", Path.Combine(folder, "scar.png"));
        Assert.True(code == ExitCodes.Success, error);
        using var line = JsonDocument.Parse(output);
        var truthScar = expert.Samples.Count(v => v >= 3);
        var truthBurden = 100.0 * truthScar / expert.Samples.Count(v => v >= 2);
        Assert.Equal(truthBurden, line.RootElement.GetProperty("burdenPercent").GetDouble(), 5.0);
        var scar = PngDecoder.Read(Path.Combine(folder, "scar.png")).Samples;
        var overlap = Enumerable.Range(0, scar.Length).Count(i => scar[i] != 0 && expert.Samples[i] >= 3);
        var dice = 2.0 * overlap / (scar.Count(v => v != 0) + truthScar);
        Assert.True(dice > 0.7, $"Dice with the expert's infarct {dice:F3}");
    }

    [Fact]
    public void Scar_on_a_phantom_dicom_image_uses_the_zero_floor()
    {
        var folder = RepoPaths.ScratchFolder("cmr-scar-dicom");
        var lge = Directory.GetFiles(phantom.Folders.Lge).Order(StringComparer.Ordinal).ToList()[phantom.Patient.Lge.Slices.Count / 2];
        var labels = phantom.Patient.LgeLabels[phantom.Patient.Lge.Slices.Count / 2];
        var frame = phantom.Patient.Lge.Slices[phantom.Patient.Lge.Slices.Count / 2].Frames[0];
        PngEncoder.WriteGrey(Path.Combine(folder, "myo.png"), labels.Select(v => v is 2 or 3 ? (byte)1 : (byte)0).ToArray(), frame.Width, frame.Height);
        var (code, output, error) = Run("cmr", "scar", lge, "--myocardium", Path.Combine(folder, "myo.png"), "--out", Path.Combine(folder, "scar.png"), "--threshold-fraction", "0.4");
        Assert.True(code == ExitCodes.Success, error);
        using var line = JsonDocument.Parse(output);
        Assert.Equal("zero", line.RootElement.GetProperty("floor").GetString());
        Assert.Equal(0.4, line.RootElement.GetProperty("thresholdFraction").GetDouble());
        Assert.True(line.RootElement.GetProperty("scarAreaMm2").GetDouble() >= 0);
    }

    [Fact]
    public void Analyze_from_expert_label_masks_at_end_diastole_and_end_systole_only_proposes_the_true_target_area()
    {
        // The phantom's own label maps stand in for an expert's: 1 blood pool, 2 myocardium (scar is myocardium), drawn at
        // end-diastole and end-systole only, as experts often do; the other phases are propagated.
        var folder = Out("expert-masks");
        Directory.CreateDirectory(folder);
        var cine = phantom.Patient.Cine;
        var es = CartLedger.Cmr.Evaluation.PhantomScore.TrueEndSystole(phantom.Patient);
        for (var s = 0; s < cine.Slices.Count; s++)
        {
            foreach (var t in new[] { 0, es })
            {
                var labels = phantom.Patient.CineLabels[s][t].Select(l => l switch { MrSynthesizer.LvBloodPool => (byte)1, MrSynthesizer.Myocardium or MrSynthesizer.Scar => (byte)2, _ => (byte)0 }).ToArray();
                PngEncoder.WriteGrey(Path.Combine(folder, cine.Slices[s].SopInstanceUids[t] + ".png"), labels, cine.Slices[s].Frames[t].Width, cine.Slices[s].Frames[t].Height);
            }
        }
        var bad = Out("bad-masks");
        Directory.CreateDirectory(bad);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(bad, Path.GetFileName(file)));
        }
        var spoiled = Path.Combine(bad, cine.Slices[cine.Slices.Count / 2].SopInstanceUids[0] + ".png");
        var frame = cine.Slices[0].Frames[0];
        PngEncoder.WriteGrey(spoiled, Enumerable.Repeat((byte)7, frame.Width * frame.Height).ToArray(), frame.Width, frame.Height);

        var (code, output, error) = Run("cmr", "analyze", phantom.Dicom, "--labels", folder, "--out", Out("from-masks"), "--json");
        var (refused, _, why) = Run("cmr", "analyze", phantom.Dicom, "--labels", bad, "--out", Out("from-bad-masks"));

        Assert.True(code == ExitCodes.Success, error);
        using var summary = JsonDocument.Parse(output);
        Assert.Contains(summary.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Contours from label masks", StringComparison.Ordinal));
        var primary = Domain.Segments.SegmentId.Of36(int.Parse(summary.RootElement.GetProperty("primaryTarget").GetString()!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var truth = Domain.Segments.SegmentId.Of36(phantom.Patient.Truth.Targets.Primary);
        Assert.True(Domain.Segments.SegmentModels.ThirtySix.GraphDistance(primary, truth) <= 1, $"primary {primary} from the masks, true best {truth}");
        Assert.Equal(ExitCodes.Failure, refused);
        Assert.Contains($"--labels: {spoiled}: label 7 found", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("analyze")]
    public void A_missing_folder_exits_1_naming_it(string verb)
    {
        var (code, output, error) = Run("cmr", verb, "/no/such/cmr/folder", "--out", Out("x"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("", output);
        Assert.Equal("cartledger: error: /no/such/cmr/folder: no such folder", error.Trim());
    }

    [Fact]
    public void A_folder_without_mr_images_is_refused()
    {
        var (code, _, error) = Run("cmr", "analyze", phantom.Folders.Ct, "--out", Out("ct"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("no MR short-axis stack", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_single_phase_stack_has_missing_phases()
    {
        var (code, _, error) = Run("cmr", "segment", phantom.Folders.Lge, "--out", Out("lge-only"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("cine-missing-phases", error, StringComparison.Ordinal);
        Assert.Contains(phantom.Folders.Lge, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_lge_tilted_from_the_cine_is_refused_naming_the_reason()
    {
        var folder = RepoPaths.ScratchFolder("cmr-tilted");
        CopyFolder(phantom.Folders.Cine, Path.Combine(folder, "cine"));
        var lge = phantom.Patient.Lge;
        var tilted = lge with
        {
            SeriesInstanceUid = DicomUid.FromParts("tilted lge"),
            Slices = lge.Slices.Select((s, i) => s with { Plane = Tilt(s.Plane, lge.Slices[0].Plane, 30), SopInstanceUids = [DicomUid.FromParts("tilted lge", i.ToString(System.Globalization.CultureInfo.InvariantCulture))] }).ToList(),
        };
        var study = new DicomStudy(new DicomPatient("PHANTOM-5"), DicomUid.FromParts("tilted study"));
        DicomWriter.WriteMrStack(Path.Combine(folder, "lge"), new DicomSeries(study, tilted.SeriesInstanceUid, lge.FrameOfReferenceUid, 2, "SAX LGE"), tilted,
            new MrImageAttributes { ImageType = ["ORIGINAL", "PRIMARY", "M"] });
        var (code, _, error) = Run("cmr", "analyze", folder, "--out", Out("tilted"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("lge-orientation-mismatch", error, StringComparison.Ordinal);
        Assert.Contains("tilted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cine_without_a_heart_reports_no_lv()
    {
        var folder = RepoPaths.ScratchFolder("cmr-no-lv");
        var cine = phantom.Patient.Cine;
        var flat = cine with
        {
            SeriesInstanceUid = DicomUid.FromParts("flat cine"),
            Slices = cine.Slices.Take(3).Select((s, i) => s with
            {
                Frames = s.Frames.Select(f => Flat(f.Width, f.Height)).ToList(),
                SopInstanceUids = s.Frames.Select((_, p) => DicomUid.FromParts("flat cine", i.ToString(System.Globalization.CultureInfo.InvariantCulture), p.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            }).ToList(),
        };
        var study = new DicomStudy(new DicomPatient("FLAT"), DicomUid.FromParts("flat study"));
        DicomWriter.WriteMrStack(folder, new DicomSeries(study, flat.SeriesInstanceUid, cine.FrameOfReferenceUid, 1, "SAX cine"), flat, new MrImageAttributes { ImageType = ["ORIGINAL", "PRIMARY", "M"] });
        var (code, _, error) = Run("cmr", "segment", folder, "--out", Out("flat"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("lv-not-found", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--threshold-fraction", "1.5", "--threshold-fraction")]
    [InlineData("--floor", "median", "--floor")]
    public void Scar_refuses_bad_options_with_exit_2(string option, string value, string named)
    {
        var image = Directory.GetFiles(phantom.Folders.Lge).First();
        var (code, _, error) = Run("cmr", "scar", image, "--myocardium", image, "--out", Out("s.png"), option, value);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scar_refuses_a_mask_of_another_size_naming_both_sizes()
    {
        var folder = RepoPaths.ScratchFolder("cmr-scar-size");
        PngEncoder.WriteGrey(Path.Combine(folder, "myo.png"), new byte[16], 4, 4);
        var image = Directory.GetFiles(phantom.Folders.Lge).First();
        var (code, _, error) = Run("cmr", "scar", image, "--myocardium", Path.Combine(folder, "myo.png"), "--out", Path.Combine(folder, "scar.png"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("the mask is 4x4", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "scar.png")));
    }

    private static Image2D Flat(int width, int height)
    {
        var image = new Image2D(width, height);
        Array.Fill(image.Pixels, 100f);
        return image;
    }

    /// <summary>The whole stack turned about the first slice's row direction through its origin (slices stay one parallel stack).</summary>
    private static SlicePlane Tilt(SlicePlane plane, SlicePlane first, double degrees)
    {
        var a = degrees * Math.PI / 180;
        var axis = first.XAxis.Normalized();
        Vec3 Turn(Vec3 v) => v * Math.Cos(a) + axis.Cross(v) * Math.Sin(a) + axis * (axis.Dot(v) * (1 - Math.Cos(a)));
        return plane with { Origin = first.Origin + Turn(plane.Origin - first.Origin), XAxis = Turn(plane.XAxis), YAxis = Turn(plane.YAxis) };
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
