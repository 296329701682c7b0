using System.Diagnostics;
using System.Globalization;
using CartLedger.Cmr.Analysis;
using CartLedger.Console.Cli;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>
/// Runs a verb's steps with progress: a Spectre spinner per step on a terminal, one plain line per finished step when
/// piped, nothing with --json (stdout then holds only the JSON). An analysis that cannot go on becomes one error line
/// naming the input, the reason code and the reason (exit 1).
/// </summary>
public sealed class CmrSteps(Terminal terminal, bool quiet, string input)
{
    public T Run<T>(string step, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        T result;
        try
        {
            if (terminal.IsInteractive && !quiet)
            {
                result = terminal.Ansi.Status().Start(step + " ...", _ => work());
            }
            else
            {
                result = work();
            }
        }
        catch (CmrAnalysisException e)
        {
            throw new CommandFailedException($"{input}: {e.Code}: {e.Message}");
        }
        if (!quiet)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"  {step,-28} {clock.Elapsed.TotalSeconds,6:0.0} s");
            if (terminal.IsInteractive)
            {
                terminal.Ansi.MarkupLine($"[green]done[/] {Markup.Escape(line.TrimStart())}");
            }
            else
            {
                terminal.Line(line);
            }
        }
        return result;
    }
}
