using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartLedger.Console.Cli;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>`cartledger bench cmr`: accuracy and speed of the CMR chain on phantom patients, or on the real scans with --real.</summary>
public static class CmrBenchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Command Create(Terminal terminal)
    {
        var cases = new Option<int>("--cases") { Description = "Phantom patients to generate and analyse.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first phantom (the others follow).", DefaultValueFactory = _ => 1 };
        var real = new Option<bool>("--real") { Description = "Score the real scans in ../shared/data instead: Sunnybrook cine segmentation, EMIDEC LGE scar." };
        var data = new Option<string?>("--data") { Description = "The shared data folder (default ../shared/data beside the repository)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var pictures = new Option<string?>("--scar-pictures") { Description = "Phantoms only: write one PNG per LGE slice of every case to this folder (found scar red, true scar green, both yellow)." };
        var command = new Command("cmr", "CMR chain accuracy (myocardium Dice, Hausdorff, scar burden, segment scar kappa, time-to-peak error, target hits) and seconds per study on phantoms; or Dice on real scans with --real.")
        {
            cases, seed, real, data, json, pictures,
        }.WithExamples("./cartledger bench cmr --cases 10 --json", "./cartledger bench cmr --cases 3 --seed 7", "./cartledger bench cmr --real --json",
            "./cartledger bench cmr --cases 1 --seed 5 --scar-pictures /tmp/scar-seed5");
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            void Progress(string line)
            {
                if (!asJson)
                {
                    terminal.Line($"  {line}");
                }
            }
            var picturesFolder = parse.GetValue(pictures);
            if (parse.GetValue(real))
            {
                if (picturesFolder is not null)
                {
                    throw new UsageException("bench cmr: --scar-pictures draws phantom truth and works without --real only");
                }
                var shared = parse.GetValue(data) ?? DefaultSharedData();
                var result = CmrRealBench.Run(shared, Progress);
                terminal.Line(asJson ? JsonSerializer.Serialize(result, Json) : JsonSerializer.Serialize(result, new JsonSerializerOptions(Json) { WriteIndented = true }));
                return Task.FromResult(ExitCodes.Success);
            }
            var count = parse.GetValue(cases);
            if (count < 1 || count > 200)
            {
                throw new UsageException($"bench cmr: --cases must be 1-200, got {count}");
            }
            var phantom = CmrPhantomBench.Run(count, parse.GetValue(seed), Progress, cancellationToken, picturesFolder);
            if (asJson)
            {
                terminal.Line(JsonSerializer.Serialize(phantom, Json));
            }
            else
            {
                terminal.Ansi.Write(Render(phantom));
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string DefaultSharedData()
    {
        var home = Environment.GetEnvironmentVariable("CARTLEDGER_HOME") ?? Directory.GetCurrentDirectory();
        return Environment.GetEnvironmentVariable("CARTLEDGER_SHARED_DATA") is { Length: > 0 } overridden ? overridden : Path.GetFullPath(Path.Combine(home, "..", "shared", "data"));
    }

    private static Table Render(CmrBenchResult r)
    {
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("goal");
        table.AddRow("myocardium Dice (ED / ES)", $"{r.DiceMyocardium.Mean:F3} ({r.DiceMyocardium.Ed:F3} / {r.DiceMyocardium.Es:F3})", ">= 0.85");
        table.AddRow("Hausdorff, ED (mm)", $"{r.HausdorffMm:F1}", "");
        table.AddRow("scar burden error (points)", $"{r.ScarBurdenAbsErrorPct:F2}", "<= 2");
        table.AddRow("segment scar kappa", $"{r.SegmentScarAgreement:F3}", ">= 0.85 (seed 2: 0.866)");
        if (r.ScarDiagnosis is { } s)
        {
            table.AddRow("  segments TP / FP / FN / TN", $"{s.Confusion.TruePositive} / {s.Confusion.FalsePositive} / {s.Confusion.FalseNegative} / {s.Confusion.TrueNegative}", "diagnosis");
            table.AddRow("  kappa, true orientation", $"{s.KappaTrueOrientation:F3}", "diagnosis");
            table.AddRow("  kappa of the true scar labels (found / true orientation)", $"{s.KappaLabelScar:F3} / {s.KappaLabelScarTrueOrientation:F3}", "diagnosis");
        }
        table.AddRow("time-to-peak error (ms)", $"{r.TtpErrorMs:F0}", "");
        table.AddRow("primary target exact (%)", $"{r.PrimaryTargetExactPct:F0}", "");
        table.AddRow("primary target exact or adjacent (%)", $"{r.PrimaryTargetWithinAdjacentPct:F0}", ">= 95");
        var d = r.TargetDiagnosis;
        table.AddRow("  with true scar: exact / adjacent (%)", $"{d.PrimaryTargetExactPctTrueScar:F0} / {d.PrimaryTargetWithinAdjacentPctTrueScar:F0}", "diagnosis");
        table.AddRow("  with true scar and orientation (%)", $"{d.PrimaryTargetExactPctTrueScarAndOrientation:F0} / {d.PrimaryTargetWithinAdjacentPctTrueScarAndOrientation:F0}", "diagnosis");
        table.AddRow("  orientation error (deg) / TTP error there (ms)", $"{d.OrientationErrorDegMeanAbs:F0} / {d.TtpErrorMsTrueOrientation:F0}", "diagnosis");
        table.AddRow("seconds per study (max)", $"{r.SecondsPerStudy:F1} ({r.SecondsPerStudyMax:F1})", "< 30 on 2 cores");
        table.AddRow("ratio to one smoothing pass", $"{r.RatioToBaseline:F0}", "baseline, same run");
        table.Caption($"{r.Cases} phantom cases from seed {r.FirstSeed}, {r.ProcessorCount} cores; phantom generation {r.PhantomSecondsPerCase:F0} s per case (not counted)");
        return table;
    }
}
