using System.Text.Json;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Acquisition;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Phantom;

/// <summary>
/// The patient folder's preview PNGs and LV meshes: written by <see cref="PhantomFolderWriter"/> (no DICOM, to stay
/// fast) from the shared small phantom, read back with the project's own PNG decoder and mesh readers.
/// </summary>
[Collection(SmallPhantomCollection.Name)]
public class PhantomPreviewAndMeshTests(SmallPhantom phantom)
{
    private PhantomPatient P => phantom.Patient;

    private (string Root, PhantomFolderWriter.Written Written) WriteFolder()
    {
        var root = Path.Combine(RepoPaths.ScratchFolder("phantom-preview"), "patient");
        return (root, PhantomFolderWriter.Write(P, root, preview: true));
    }

    private static PngPicture Png(string root, string relative)
    {
        var picture = PngDecoder.Read(Path.Combine(root, relative));
        Assert.Equal(1, picture.Channels);
        Assert.Equal(8, picture.BitDepth);
        return picture;
    }

    [Fact]
    public void Preview_files_are_PNGs_of_the_expected_sizes_with_the_phases_named()
    {
        var (root, written) = WriteFolder();
        var mid = PhantomPreview.MidSlice(P);
        var es = PhantomPreview.EndSystolicPhase(P);
        Assert.InRange(es, 1, P.Options.CinePhases - 1);
        var cine = P.Cine.Slices[mid].Frames[0];
        var expected = new List<(string Path, int Width, int Height)>
        {
            ("preview/cine-mid-ed-phase00.png", 2 * cine.Width, 2 * cine.Height),
            ($"preview/cine-mid-es-phase{es:00}.png", 2 * cine.Width, 2 * cine.Height),
            ("preview/lge-mid.png", 2 * P.Lge.Slices[mid].Frames[0].Width, 2 * P.Lge.Slices[mid].Frames[0].Height),
            ("preview/ct-axial-lv.png", P.Ct.Geometry.SizeI, P.Ct.Geometry.SizeJ),
            ("preview/ct-coronal-lv.png", P.Ct.Geometry.SizeI, P.Ct.Geometry.SizeK),
            ("preview/xa-lao40.png", 256, 256),
            ("preview/xa-rao30.png", 256, 256),
        };
        Assert.Equal(expected.Select(e => e.Path), written.Previews.Select(p => p.RelativePath));
        Assert.Equal(expected.Select(e => e.Path).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(root, "preview")).Select(f => "preview/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        foreach (var (path, width, height) in expected)
        {
            var picture = Png(root, path);
            Assert.Equal((width, height), (picture.Width, picture.Height));
            var values = picture.Samples.Select(v => (double)v).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            Assert.True(sd > 20, $"{path}: standard deviation {sd:0.0} of 255 is too flat for a windowed image");
            Assert.True(values.Count(v => v == 0) < 0.5 * values.Length && values.Count(v => v == 255) < 0.5 * values.Length,
                $"{path}: more than half the pixels are clipped");
        }
    }

    /// <summary>The PNG values over the pixels of the source image (2x enlarged: the 2x2 block's mean) whose label is one of <paramref name="classes"/>.</summary>
    private static List<double> ValuesOver(PngPicture picture, byte[] labels, int width, params byte[] classes)
    {
        var values = new List<double>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (classes.Contains(labels[i]))
            {
                int x = 2 * (i % width), y = 2 * (i / width);
                values.Add((picture.Samples[y * picture.Width + x] + picture.Samples[y * picture.Width + x + 1]
                    + picture.Samples[(y + 1) * picture.Width + x] + picture.Samples[(y + 1) * picture.Width + x + 1]) / 4.0);
            }
        }
        return values;
    }

    [Fact]
    public void The_end_systolic_cine_shows_less_bright_blood_pool_than_the_end_diastolic_one()
    {
        var (root, _) = WriteFolder();
        var mid = PhantomPreview.MidSlice(P);
        var es = PhantomPreview.EndSystolicPhase(P);
        var width = P.Cine.Slices[mid].Frames[0].Width;
        var ed = Png(root, "preview/cine-mid-ed-phase00.png");
        var esPicture = Png(root, $"preview/cine-mid-es-phase{es:00}.png");
        var edLabels = P.CineLabels[mid][0];
        // Threshold halfway between blood and myocardium on the end-diastolic picture (both share one window).
        var threshold = (ValuesOver(ed, edLabels, width, MrSynthesizer.LvBloodPool).Average()
            + ValuesOver(ed, edLabels, width, MrSynthesizer.Myocardium, MrSynthesizer.Scar).Average()) / 2;
        // Counted over the end-diastolic LV (cavity and wall): the cavity can only shrink into it.
        var lv = new[] { MrSynthesizer.LvBloodPool, MrSynthesizer.Myocardium, MrSynthesizer.Scar };
        var brightEd = ValuesOver(ed, edLabels, width, lv).Count(v => v > threshold);
        var brightEs = ValuesOver(esPicture, edLabels, width, lv).Count(v => v > threshold);
        var trueEd = P.CineLabels[mid][0].Count(v => v == MrSynthesizer.LvBloodPool);
        var trueEs = P.CineLabels[mid][es].Count(v => v == MrSynthesizer.LvBloodPool);
        var message = $"bright LV pixels on the PNGs: end-diastole {brightEd}, end-systole {brightEs}; labelled blood pool {trueEd}, {trueEs} (phase {es}, EF {P.Truth.Heart.EjectionFractionPercent:0} %)";
        // The small phantom has a low EF and the base descends through the slice, so the mid-slice change is modest
        // (about 7 % of the labelled pool); the picture must show it in the same direction and of a similar size.
        Assert.True(trueEs < 0.97 * trueEd, message);
        Assert.InRange(brightEd - brightEs, 0.25 * (trueEd - trueEs), 2.0 * (trueEd - trueEs));
    }

    [Fact]
    public void The_LGE_preview_shows_scar_brighter_than_remote_myocardium_and_blood_between()
    {
        var (root, _) = WriteFolder();
        var mid = PhantomPreview.MidSlice(P);
        var labels = P.LgeLabels[mid];
        var picture = Png(root, "preview/lge-mid.png");
        var width = P.Lge.Slices[mid].Frames[0].Width;
        var scar = ValuesOver(picture, labels, width, MrSynthesizer.Scar);
        Assert.True(scar.Count > 20, $"only {scar.Count} scar pixels on the mid LGE slice");
        var remote = ValuesOver(picture, labels, width, MrSynthesizer.Myocardium).Average();
        var blood = ValuesOver(picture, labels, width, MrSynthesizer.LvBloodPool).Average();
        Assert.True(scar.Average() > remote + 80, $"scar {scar.Average():0}, remote myocardium {remote:0} (0-255)");
        Assert.InRange(blood, remote + 20, scar.Average() - 20);
    }

    [Fact]
    public void The_two_fluoroscopy_previews_differ()
    {
        var (root, _) = WriteFolder();
        var lao = Png(root, "preview/xa-lao40.png").Samples;
        var rao = Png(root, "preview/xa-rao30.png").Samples;
        var meanAbsoluteDifference = lao.Zip(rao, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanAbsoluteDifference > 15, $"LAO and RAO previews differ by only {meanAbsoluteDifference:0.0} grey levels on average");
    }

    [Fact]
    public void Meshes_read_back_in_three_formats_with_the_vertex_counts_and_VTK_scalars()
    {
        var (root, written) = WriteFolder();
        Assert.Equal(["lv-epicardium", "lv-endocardium"], written.Meshes.Select(m => m.Surface));
        foreach (var (surface, mesh) in new[] { ("lv-epicardium", P.LvEpicardium), ("lv-endocardium", P.LvEndocardium) })
        {
            var vtk = MeshFiles.Read(Path.Combine(root, "meshes", surface + ".vtk"));
            var obj = MeshFiles.Read(Path.Combine(root, "meshes", surface + ".obj"));
            var stl = MeshFiles.Read(Path.Combine(root, "meshes", surface + ".stl"));
            Assert.Equal(mesh.Vertices.Count, vtk.Points.Count);
            Assert.Equal(mesh.Vertices.Count, obj.Points.Count);
            Assert.Equal(mesh.Vertices.Count, stl.Points.Count);
            Assert.Equal(3 * mesh.TriangleCount, vtk.Triangles.Count);
            Assert.Equal(3 * mesh.TriangleCount, stl.Triangles.Count);
            Assert.InRange(vtk.Points[5].DistanceTo(mesh.Vertices[5]), 0, 1e-9);
            Assert.Equal(PhantomMeshFiles.ScalarNames.Order(StringComparer.Ordinal), vtk.PointScalars.Keys.Order(StringComparer.Ordinal));

            var segment = vtk.PointScalars[PhantomMeshFiles.Segment36];
            var aha = vtk.PointScalars[PhantomMeshFiles.Aha17];
            var transmurality = vtk.PointScalars[PhantomMeshFiles.TransmuralityPercent];
            var ttp = vtk.PointScalars[PhantomMeshFiles.TimeToPeakMs];
            Assert.Equal(Enumerable.Range(1, 36).Select(n => (double)n), segment.Where(s => s > 0).Distinct().Order());
            Assert.All(aha, a => Assert.InRange(a, 1, 17));
            Assert.All(ttp, t => Assert.InRange(t, 0, P.Heart.Contraction.RrMs));
            // Segment 17 was asked for 100 % transmural, segment 31 for none.
            double MeanIn(IReadOnlyList<double> values, int s36) => Enumerable.Range(0, segment.Count).Where(i => segment[i] == s36).Average(i => values[i]);
            Assert.True(MeanIn(transmurality, 17) > 50, $"{surface}: segment 17 transmurality {MeanIn(transmurality, 17):0} %");
            Assert.Equal(0, MeanIn(transmurality, 31));
            // The vertex time to peak follows the truth's segmental one: the latest segment is later than the earliest.
            var truth = P.Truth.Segments36;
            var latest = truth.MaxBy(s => s.TimeToPeakStrainMs)!.Segment36;
            var earliest = truth.MinBy(s => s.TimeToPeakStrainMs)!.Segment36;
            Assert.True(MeanIn(ttp, latest) > MeanIn(ttp, earliest), $"{surface}: vertex time to peak in segment {latest} is not later than in {earliest}");
        }
        var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "truth.json")));
        var surfaces = json.RootElement.GetProperty("meshFiles").GetProperty("surfaces");
        Assert.Equal(2, surfaces.GetArrayLength());
        var first = surfaces[0];
        Assert.Equal("lv-epicardium", first.GetProperty("surface").GetString());
        Assert.Equal(P.LvEpicardium.Vertices.Count, first.GetProperty("vertices").GetInt32());
        Assert.Equal(["meshes/lv-epicardium.vtk", "meshes/lv-epicardium.obj", "meshes/lv-epicardium.stl"],
            first.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public void Previews_meshes_and_truth_are_the_same_bytes_when_written_again()
    {
        var (first, _) = WriteFolder();
        var (second, _) = WriteFolder();
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        foreach (var file in files.Where(f => !f.StartsWith("labels", StringComparison.Ordinal)))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs");
        }
    }

    [Fact]
    public void View_names_become_file_names()
    {
        Assert.Equal("lao40", PhantomPreview.ViewFileName("LAO 40"));
        Assert.Equal("rao30-cau5", PhantomPreview.ViewFileName("RAO 30 CAU 5"));
    }
}
