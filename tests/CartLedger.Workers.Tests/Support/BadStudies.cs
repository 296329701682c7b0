using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Testing;

namespace CartLedger.Workers.Tests.Support;

/// <summary>Small DICOM studies that go wrong on purpose.</summary>
internal static class BadStudies
{
    /// <summary>A 12-phase short-axis cine of noise only: the LV is not in view.</summary>
    public static string CineWithoutLv(string seed)
    {
        var folder = RepoPaths.ScratchFolder($"no-lv-{seed}");
        var random = new Random(7);
        const int phases = 12;
        var slices = Enumerable.Range(0, 5).Select(k =>
        {
            var plane = new SlicePlane(new Vec3(-60, -60, 8 * k), Vec3.UnitX, Vec3.UnitY, 1.8, 1.8);
            var frames = Enumerable.Range(0, phases).Select(_ => new Image2D(64, 64, [.. Enumerable.Range(0, 64 * 64).Select(_ => (float)(100 + 20 * random.NextDouble()))])).ToList();
            return new CineSlice(plane, frames, [.. Enumerable.Range(0, phases).Select(p => p * 75.0)], [.. Enumerable.Range(0, phases).Select(p => DicomUid.FromParts(seed, "image", $"{k}-{p}"))]);
        }).ToList();
        var study = new DicomStudy(new DicomPatient("CRT-TEST-02"), DicomUid.FromParts(seed, "study"), Description: "CMR without LV");
        var series = new DicomSeries(study, DicomUid.FromParts(seed, "series"), DicomUid.FromParts(seed, "frame"), 1, "SAX cine");
        DicomWriter.WriteMrStack(folder, series, new CineStack(series.SeriesInstanceUid, series.FrameOfReferenceUid, slices));
        return folder;
    }

    /// <summary>An XA run whose positioner primary angle (0018,1510) was removed; returns the folder and the file.</summary>
    public static (string Folder, string File) XaWithoutGeometry(string seed)
    {
        var folder = RepoPaths.ScratchFolder($"xa-no-geometry-{seed}");
        var study = new DicomStudy(new DicomPatient("CRT-TEST-03"), DicomUid.FromParts(seed, "study"), Description: "fluoroscopy");
        var series = new DicomSeries(study, DicomUid.FromParts(seed, "series"), DicomUid.FromParts(seed, "frame"), 1, "LAO 30");
        var geometry = new CArmGeometry(30, 0, 1200, 800, 0.3, 0.3, 32, 32, Vec3.Zero);
        var written = DicomWriter.WriteXaImage(Path.Combine(folder, "xa.dcm"), new DicomInstance(series, 1), [new Image2D(32, 32, [.. Enumerable.Range(0, 32 * 32).Select(i => (float)(i % 97))])], geometry);
        var result = ExternalTool.Run("dcmodify", ["-nb", "-ea", $"({DicomTags.PositionerPrimaryAngle.Group:X4},{DicomTags.PositionerPrimaryAngle.Element:X4})", written.Path]);
        Assert.True(result.ExitCode == 0, result.Combined);
        return (folder, written.Path);
    }
}
