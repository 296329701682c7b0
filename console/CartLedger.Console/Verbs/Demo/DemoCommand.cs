using System.CommandLine;
using System.Diagnostics;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>`cartledger demo`: runs every demo step against the local store and prints what each did.</summary>
public static class DemoCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("demo", "Run the end-to-end demo against the local store and print what it did; files go to .cartledger/demo/.")
            .WithExamples("./cartledger demo");
        command.SetAction(async (_, cancellationToken) =>
        {
            var context = new DemoContext(terminal, CartLedgerHome.StateFolder("demo"));
            Directory.CreateDirectory(context.OutputFolder);
            var steps = DemoSteps.All();
            terminal.Line($"CartLedger demo ({steps.Count} steps); files in {context.OutputFolder}");
            for (var i = 0; i < steps.Count; i++)
            {
                terminal.Line($"[{i + 1}/{steps.Count}] {steps[i].Title}");
                var clock = Stopwatch.StartNew();
                await steps[i].RunAsync(context, cancellationToken);
                context.Say($"({clock.ElapsedMilliseconds} ms)");
            }
            terminal.Line("demo complete");
            return ExitCodes.Success;
        });
        return command;
    }
}
