using System.Diagnostics;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Console.Verbs.Bench.Dicom;

/// <summary>The figures of `bench dicom`: times per file of each way of reading the same files, and their ratios.</summary>
public sealed record DicomBenchResult(
    string Folder,
    int Files,
    int Rounds,
    double RawReadMsPerFile,
    double InProcessMsPerFile,
    double SandboxedMsPerFile,
    double FolderImportMsPerFile,
    double SandboxOverInProcess,
    double InProcessOverRawRead,
    string ImportOutcome,
    int ProcessorCount);

/// <summary>
/// Reads one folder several ways, alternating in rounds (the machine is shared): raw bytes (the I/O baseline),
/// GDCM in-process, GDCM in the sandboxed child process, and the whole folder import (sandboxed decode plus
/// grouping into series). Without a folder, a synthetic 12-slice x 20-phase 192x192 MR cine is written first.
/// </summary>
public static class DicomBenchRun
{
    public static DicomBenchResult Run(string? folder, int rounds, Action<string> progress)
    {
        if (folder is not null)
        {
            return Measure(folder, rounds, progress);
        }
        var synthetic = WriteSyntheticCine(progress);
        try
        {
            return Measure(synthetic, rounds, progress) with { Folder = "(synthetic 12 x 20 MR cine, 192x192)" };
        }
        finally
        {
            Directory.Delete(synthetic, recursive: true);
        }
    }

    private static DicomBenchResult Measure(string folder, int rounds, Action<string> progress)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"no files under {folder}");
        }
        double raw = 0, inProcess = 0, sandboxed = 0, import = 0;
        var outcome = "";
        for (var round = 0; round < rounds; round++)
        {
            raw += Time(() => files.Sum(f => (long)File.ReadAllBytes(f).Length));
            inProcess += Time(() => DicomReader.ReadFiles(files, DicomReadOptions.Trusted).Count);
            sandboxed += Time(() => DicomReader.ReadFiles(files).Count);
            import += Time(() =>
            {
                var result = DicomFolderReader.Read(folder);
                outcome = $"{result.Loaded.Count()} series loaded, {result.Rejected.Count()} rejected, {result.FileErrors.Count} file errors";
                return result.Series.Count;
            });
            progress($"round {round + 1}/{rounds}: raw {raw / (round + 1) / files.Count:0.00} ms/file, in-process {inProcess / (round + 1) / files.Count:0.00}, sandboxed {sandboxed / (round + 1) / files.Count:0.00}, import {import / (round + 1) / files.Count:0.00}");
        }
        double PerFile(double total) => total / rounds / files.Count;
        return new DicomBenchResult(folder, files.Count, rounds, PerFile(raw), PerFile(inProcess), PerFile(sandboxed), PerFile(import),
            sandboxed / inProcess, inProcess / Math.Max(raw, 1e-9), outcome, Environment.ProcessorCount);
    }

    private static double Time(Func<long> work)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string WriteSyntheticCine(Action<string> progress)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cartledger-bench-dicom-{Guid.NewGuid():N}");
        var study = new DicomStudy(new DicomPatient("BENCH-1"), DicomUid.FromParts("bench", "study"));
        var series = new DicomSeries(study, DicomUid.FromParts("bench", "cine"), DicomUid.FromParts("bench", "for"), 1, "bench cine");
        var random = new Random(20240314);
        var slices = new List<CineSlice>();
        for (var s = 0; s < 12; s++)
        {
            var plane = new SlicePlane(new Vec3(-130, -130, 8 * s), Vec3.UnitX, Vec3.UnitY, 1.4, 1.4);
            var frames = Enumerable.Range(0, 20).Select(_ => new Image2D(192, 192, Enumerable.Range(0, 192 * 192).Select(_ => (float)random.Next(0, 2000)).ToArray())).ToList();
            slices.Add(new CineSlice(plane, frames, Enumerable.Range(0, 20).Select(p => 40.0 * p).ToList(), []));
        }
        DicomWriter.WriteMrStack(folder, series, new CineStack(series.SeriesInstanceUid, series.FrameOfReferenceUid, slices));
        progress($"wrote a synthetic 12 x 20 cine (240 files) to {folder}");
        return folder;
    }
}
