using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Projection;

namespace CartLedger.Console.Verbs.Bench;

/// <summary>
/// `cartledger bench imaging`: seconds to generate one phantom patient and write it as DICOM, seconds to read it
/// back, and DRR milliseconds per 512x512 view: Siddon on all cores against a naive single-threaded trilinear ray
/// marcher measured in the same run (the ratio is the figure; wall-clock numbers depend on the machine's load).
/// </summary>
public static class BenchImagingCommand
{
    public static Command Create(Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var seed = new Option<int>("--seed") { Description = "Phantom seed.", DefaultValueFactory = _ => 1 };
        var fast = new Option<bool>("--fast") { Description = "2 mm CT, 512 detector, 10 phases (a quick smoke run; the default is the full patient)." };
        var command = new Command("imaging", "Benchmark phantom generation, DICOM read-back and DRR rendering (Siddon vs naive trilinear).") { json, seed, fast }
            .WithExamples("./cartledger bench imaging --json", "./cartledger bench imaging --fast");
        command.SetAction(parse =>
        {
            var options = new PhantomOptions { Seed = parse.GetValue(seed) };
            if (parse.GetValue(fast))
            {
                options = options with { Ct = CtResolution.Fast, DetectorPixels = 512, DetectorPixelMm = 0.6, CinePhases = 10 };
            }
            var result = Run(options, line => { if (!parse.GetValue(json)) { terminal.Line(line); } });
            if (parse.GetValue(json))
            {
                terminal.Line(JsonSerializer.Serialize(result));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static object Run(PhantomOptions options, Action<string> say)
    {
        var stages = new List<object>();
        var clock = Stopwatch.StartNew();
        var patient = PhantomGenerator.Generate(options, (stage, elapsed) =>
        {
            stages.Add(new { stage, seconds = Math.Round(elapsed.TotalSeconds, 3) });
            say($"  generate: {stage,-30} {elapsed.TotalSeconds,7:0.00} s");
        });
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var root = Path.Combine(Path.GetTempPath(), $"cartledger-bench-imaging-{Environment.ProcessId}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        try
        {
            clock.Restart();
            PhantomFolderWriter.Write(patient, root, staging => PhantomDicomWriter.Write(patient, staging));
            var writeSeconds = clock.Elapsed.TotalSeconds;
            say($"  write DICOM + truth: {writeSeconds:0.00} s");
            clock.Restart();
            var import = DicomFolderReader.Read(Path.Combine(root, "dicom"));
            var readSeconds = clock.Elapsed.TotalSeconds;
            var files = import.Files.Count;
            say($"  read back {files} files, {import.Loaded.Count()} series: {readSeconds:0.00} s");

            var mu = AttenuationVolume.FromHounsfield(patient.Ct);
            var view = patient.Fluoroscopy[0].Geometry;
            var region = DetectorRegion.Full(view, Math.Max(1, view.Columns / 512));
            var projection = region.Apply(view.ToProjectionMatrix());
            double Time(Action render, int repeats, bool warmUp = true)
            {
                if (warmUp)
                {
                    render();
                }
                var watch = Stopwatch.StartNew();
                for (var r = 0; r < repeats; r++)
                {
                    render();
                }
                return watch.Elapsed.TotalMilliseconds / repeats;
            }
            var siddonAll = Time(() => SiddonProjector.Render(mu, projection, 512, 512), 3);
            var siddonOne = Time(() => SiddonProjector.Render(mu, projection, 512, 512, maxThreads: 1), 1);
            var naive = Time(() => TrilinearRayMarcher.Render(mu, projection, 512, 512), 1, warmUp: false);
            say($"  DRR 512x512: Siddon {siddonAll:0} ms ({Environment.ProcessorCount} threads), {siddonOne:0} ms (1 thread); naive trilinear {naive:0} ms (1 thread): x{naive / siddonAll:0.0}");
            return new
            {
                benchmark = "imaging",
                seed = options.Seed,
                ctVoxels = patient.Ct.Geometry.VoxelCount,
                ctSpacingMm = patient.Ct.Geometry.SpacingMm.X,
                detectorPixels = options.DetectorPixels,
                cinePhases = options.CinePhases,
                generateSeconds = Math.Round(generateSeconds, 2),
                generateStages = stages,
                writeSeconds = Math.Round(writeSeconds, 2),
                readSeconds = Math.Round(readSeconds, 2),
                filesRead = files,
                drr512 = new
                {
                    siddonMs = Math.Round(siddonAll, 1),
                    siddonThreads = Environment.ProcessorCount,
                    siddonSingleThreadMs = Math.Round(siddonOne, 1),
                    naiveTrilinearSingleThreadMs = Math.Round(naive, 1),
                    speedupVsNaive = Math.Round(naive / siddonAll, 2),
                    speedupSingleThreadVsNaive = Math.Round(naive / siddonOne, 2),
                },
            };
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
