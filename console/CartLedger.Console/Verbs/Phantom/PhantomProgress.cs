using CartLedger.Console.Cli;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Phantom;

/// <summary>
/// Progress of a phantom generation: a Spectre.Console bar on a terminal (advanced by each finished stage, weighted by
/// its typical share of the time), one plain line per finished stage when piped, nothing for --json.
/// </summary>
public static class PhantomProgress
{
    public const string WriteStage = "write DICOM, truth, meshes";

    /// <summary>Typical share of a full-size generation per stage (bench imaging on the development machine), percent.</summary>
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["heart model and segment truth"] = 2,
        ["CT"] = 24,
        ["fluoroscopy"] = 27,
        ["cine"] = 33,
        ["LGE"] = 9,
        ["truth"] = 1,
        [WriteStage] = 4,
    };

    /// <param name="terminal">Where to report.</param>
    /// <param name="seed">Shown in the bar's label.</param>
    /// <param name="visible">False for --json (nothing but the JSON object may be printed).</param>
    /// <param name="work">The work; it calls the reporter after each stage with the stage's name and duration.</param>
    public static T Run<T>(Terminal terminal, int seed, bool visible, Func<Action<string, TimeSpan>, T> work)
    {
        if (!visible)
        {
            return work((_, _) => { });
        }
        if (!terminal.IsInteractive)
        {
            return work((stage, elapsed) => terminal.Line($"  {stage,-32} {elapsed.TotalSeconds,6:0.0} s"));
        }
        return terminal.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape($"phantom seed {seed}: heart model"), maxValue: Weights.Values.Sum());
                var names = Weights.Keys.ToList();
                var result = work((stage, elapsed) =>
                {
                    task.Increment(Weights.GetValueOrDefault(stage, 0));
                    var next = names.IndexOf(stage) + 1;
                    task.Description = Markup.Escape(next < names.Count
                        ? $"phantom seed {seed}: {names[next]} (last: {stage} {elapsed.TotalSeconds:0.0} s)"
                        : $"phantom seed {seed}: done");
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
