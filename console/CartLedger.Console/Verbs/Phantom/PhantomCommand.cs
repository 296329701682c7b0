using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Console.Verbs.Phantom;

/// <summary>`cartledger phantom`: generates a synthetic CRT patient (CT, cine, LGE, fluoroscopy, truth.json) into a folder.</summary>
public static class PhantomCommand
{
    public static Command Create(Terminal terminal)
    {
        var output = new Option<string>("--out") { Description = "Output folder (must not exist or be empty); required." };
        var seed = new Option<int>("--seed") { Description = "Patient seed: anatomy, scar, activation, noise all follow from it.", DefaultValueFactory = _ => 1 };
        var scar = new Option<string>("--scar") { Description = "random | none | SEG:PERCENT[:endo|mid|epi],... (36-segment numbers).", DefaultValueFactory = _ => "random" };
        var activation = new Option<string>("--activation") { Description = "lbbb | nonspecific | normal.", DefaultValueFactory = _ => "lbbb" };
        var lbbb = new Option<bool>("--lbbb") { Description = "Shorthand for --activation lbbb." };
        var late = new Option<int?>("--late-segment") { Description = "Put the site of latest activation in this 36-segment." };
        var views = new Option<string>("--views") { Description = "Fluoroscopy views, e.g. LAO40,RAO30 or LAO40/CRA10,RAO30.", DefaultValueFactory = _ => "LAO40,RAO30" };
        var venogram = new Option<string>("--venogram") { Description = "on | off: contrast in the coronary sinus and branches.", DefaultValueFactory = _ => "on" };
        var lead = new Option<string>("--lead") { Description = "none | target | SEG: where the quadripolar LV lead lies.", DefaultValueFactory = _ => "target" };
        var ct = new Option<string>("--ct") { Description = "full (1 mm) | fast (2 mm, for benchmarks).", DefaultValueFactory = _ => "full" };
        var ctFrame = new Option<string>("--ct-frame") { Description = "shared (CT and CMR in one frame of reference) | own (the CT in its own frame: a seeded table shift and tilt; truth.json ctFrame).", DefaultValueFactory = _ => "shared" };
        var detector = new Option<int>("--detector") { Description = "Detector pixels per side.", DefaultValueFactory = _ => 1024 };
        var pixel = new Option<double>("--pixel-mm") { Description = "Detector pixel pitch, mm.", DefaultValueFactory = _ => 0.3 };
        var phases = new Option<int>("--phases") { Description = "Cine phases per R-R.", DefaultValueFactory = _ => 30 };
        var preview = new Option<bool>("--preview") { Description = "Also write preview PNGs to OUT/preview/ (mid cine at end-diastole and end-systole, LGE mid slice, each fluoroscopy view)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of lines." };
        var command = new Command("phantom", "Generate a synthetic CRT patient with known ground truth (CT, cine, LGE, two fluoroscopy views, truth.json).")
        {
            output, seed, scar, activation, lbbb, late, views, venogram, lead, ct, ctFrame, detector, pixel, phases, preview, json,
        }.WithExamples(
            "./cartledger phantom --out /tmp/p7 --seed 7 --preview",
            "./cartledger phantom --out /tmp/p8 --seed 8 --scar 17:75,18:50 --lbbb --views LAO40,RAO30 --lead target",
            "./cartledger phantom --out /tmp/p9 --seed 9 --scar none --activation normal --venogram off --lead none --ct fast",
            "./cartledger phantom --out /tmp/p3 --seed 3 --ct fast --ct-frame own");
        command.SetAction(parse =>
        {
            // Not a Required option: --help must work without it (the CLI contract exits 2 on any parse error).
            var folder = parse.GetValue(output) is { Length: > 0 } given ? given : throw new UsageException("--out: an output folder is required");
            var (placement, leadSegment) = PhantomArguments.Lead(parse.GetValue(lead)!);
            var options = new PhantomOptions
            {
                Seed = parse.GetValue(seed),
                Scar = PhantomArguments.Scar(parse.GetValue(scar)!),
                Activation = parse.GetValue(lbbb) ? ActivationPattern.Lbbb : ParseActivation(parse.GetValue(activation)!),
                LateSegment36 = parse.GetValue(late),
                Views = PhantomArguments.Views(parse.GetValue(views)!),
                Venogram = parse.GetValue(venogram)!.ToLowerInvariant() switch
                {
                    "on" => true,
                    "off" => false,
                    var v => throw new UsageException($"--venogram: '{v}' is not on or off"),
                },
                Lead = placement,
                LeadSegment36 = leadSegment,
                Ct = parse.GetValue(ct)!.ToLowerInvariant() switch
                {
                    "full" => CtResolution.Full,
                    "fast" => CtResolution.Fast,
                    var v => throw new UsageException($"--ct: '{v}' is not full or fast"),
                },
                CtOwnFrame = parse.GetValue(ctFrame)!.ToLowerInvariant() switch
                {
                    "shared" => false,
                    "own" => true,
                    var v => throw new UsageException($"--ct-frame: '{v}' is not shared or own"),
                },
                DetectorPixels = parse.GetValue(detector),
                DetectorPixelMm = parse.GetValue(pixel),
                CinePhases = parse.GetValue(phases),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            return Run(terminal, options, folder, parse.GetValue(preview), parse.GetValue(json));
        });
        return command;
    }

    private static ActivationPattern ParseActivation(string text) => text.ToLowerInvariant() switch
    {
        "lbbb" => ActivationPattern.Lbbb,
        "nonspecific" => ActivationPattern.NonSpecific,
        "normal" => ActivationPattern.Normal,
        _ => throw new UsageException($"--activation: '{text}' is not lbbb, nonspecific or normal"),
    };

    private static int Run(Terminal terminal, PhantomOptions options, string folder, bool preview, bool json)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new CommandFailedException($"{target}: the output folder exists and is not empty");
        }
        var stages = new List<(string Stage, double Seconds)>();
        var total = System.Diagnostics.Stopwatch.StartNew();
        var (patient, written) = PhantomProgress.Run(terminal, options.Seed, !json, report =>
        {
            var generated = PhantomGenerator.Generate(options, (stage, elapsed) =>
            {
                stages.Add((stage, elapsed.TotalSeconds));
                report(stage, elapsed);
            });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var files = PhantomFolderWriter.Write(generated, target, staging => PhantomDicomWriter.Write(generated, staging), preview);
            stages.Add((PhantomProgress.WriteStage, clock.Elapsed.TotalSeconds));
            report(PhantomProgress.WriteStage, clock.Elapsed);
            return (generated, files);
        });
        var t = patient.Truth;
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(new
            {
                output = target,
                seed = options.Seed,
                seconds = Math.Round(total.Elapsed.TotalSeconds, 2),
                edvMl = Math.Round(t.Heart.EdvMl, 1),
                ejectionFractionPercent = Math.Round(t.Heart.EjectionFractionPercent, 1),
                scarBurdenPercent = Math.Round(t.ScarBurdenPercent, 1),
                primaryTarget = t.Targets.Primary,
                meshes = written.Meshes.SelectMany(m => m.RelativePaths),
                previews = written.Previews.Select(p => new { path = p.RelativePath, shows = p.Description, width = p.Width, height = p.Height }),
                stages = stages.Select(s => new { stage = s.Stage, seconds = Math.Round(s.Seconds, 2) }),
            }));
        }
        else
        {
            terminal.Line($"phantom seed {options.Seed}: EDV {t.Heart.EdvMl:0} ml, EF {t.Heart.EjectionFractionPercent:0} %, scar burden {t.ScarBurdenPercent:0.0} %, primary target {t.Targets.Primary}");
            foreach (var p in written.Previews)
            {
                terminal.Line($"preview {p.RelativePath}: {p.Description}");
            }
            terminal.Line($"written to {target} in {total.Elapsed.TotalSeconds:0.0} s");
        }
        return ExitCodes.Success;
    }
}
