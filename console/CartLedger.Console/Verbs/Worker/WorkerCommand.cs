using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;
using Spectre.Console;

namespace CartLedger.Console.Verbs.Worker;

/// <summary>`cartledger worker [--once] [--procedure ID]`: the worker host (events to jobs, CMR and registration handlers).</summary>
public static class WorkerCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(Terminal terminal)
    {
        var once = new Option<bool>("--once") { Description = "Drain: dispatch new events, run every job that is ready, then exit." };
        var procedure = new Option<string?>("--procedure") { Description = "Run only jobs of this procedure (id)." };
        var json = new Option<bool>("--json") { Description = "With --once: print one JSON object instead of lines." };
        var command = new Command("worker", "Run the compute worker: a subscription turns events into leased jobs; CMR analysis, target re-proposal, registration and lead measurement append their results in the job's transaction. Without --once it runs until Ctrl+C.")
        {
            once, procedure, json,
        }.WithExamples("./cartledger worker --once", "./cartledger worker --once --procedure 6f1c2a9e-0b7d-4c1e-9a53-2f8d6c4b1e07 --json", "./cartledger worker");
        command.SetAction(async (parse, cancellationToken) =>
        {
            Guid? only = parse.GetValue(procedure) is { Length: > 0 } text
                ? Guid.TryParse(text, out var id) ? id : throw new UsageException($"--procedure: '{text}' is not a procedure id (GUID)")
                : null;
            var store = await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
            var host = new WorkerHost(store, WorkerIdentity.ForHost(SoftwareVersion.Current), TimeProvider.System, new WorkerHostOptions { OnlyProcedure = only });
            if (!parse.GetValue(once))
            {
                terminal.Line($"worker {host.Options.WorkerId}: running {string.Join(", ", host.Handlers.Select(h => h.Kind))}; Ctrl+C stops");
                try
                {
                    await host.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                }
                return ExitCodes.Success;
            }
            var asJson = parse.GetValue(json);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Spectre status on a terminal, plain progress lines when piped, nothing but the JSON with --json.
            var report = terminal.IsInteractive && !asJson
                ? await terminal.Ansi.Status().StartAsync("worker: dispatching events and running jobs", status =>
                    host.DrainAsync(line => status.Status($"worker: {line} ({clock.Elapsed.TotalSeconds:0.0} s)"), cancellationToken))
                : await host.DrainAsync(line =>
                {
                    if (!asJson)
                    {
                        terminal.Line($"  {line} ({clock.Elapsed.TotalSeconds:0.0} s)");
                    }
                }, cancellationToken);
            if (asJson)
            {
                terminal.Line(JsonSerializer.Serialize(new { report.EventsDispatched, report.JobsRun, report.LeasesRescued, report.Counts, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) }, Json));
            }
            else
            {
                terminal.Line($"drained: {report.EventsDispatched} event(s) dispatched, {report.JobsRun} job(s) run, {report.LeasesRescued} lease(s) rescued in {clock.Elapsed.TotalSeconds:0.0} s; " +
                    $"jobs available {report.Counts.Available}, running {report.Counts.Running}, completed {report.Counts.Completed}, failed {report.Counts.Failed}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
