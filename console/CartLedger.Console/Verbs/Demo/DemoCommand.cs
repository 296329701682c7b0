using System.CommandLine;
using CartLedger.Console.Cli;
using Npgsql;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>`cartledger demo`: runs every demo step (<see cref="DemoSteps"/>) against the local store and prints what each did.</summary>
public static class DemoCommand
{
    public static Command Create(Terminal terminal)
    {
        var output = new Option<string?>("--output") { Description = "Folder for the demo's files (default: .cartledger/demo under CARTLEDGER_HOME)." };
        var database = new Option<string?>("--database") { Description = "Npgsql connection string (default: CARTLEDGER_DB, else the local cluster)." };
        var withoutPhantom = new Option<bool>("--without-phantom") { Description = "Skip the phantom steps (generate, import, workers, registration, lead measurement; about a minute)." };
        var command = new Command("demo", "Run the end-to-end demo: the ledger, demo users, a complete synthetic CRT procedure through the decider, the planning and cath-lab halves computed from a phantom by the workers, read models, verification, a signed checkpoint.")
        {
            output, database, withoutPhantom,
        }.WithExamples("./cartledger demo", "./cartledger demo --output /tmp/cartledger-demo", "./cartledger demo --without-phantom");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputFolder = Path.GetFullPath(parse.GetValue(output) ?? CartLedgerHome.StateFolder("demo"));
            Directory.CreateDirectory(outputFolder);
            await using var ownDataSource = parse.GetValue(database) is { Length: > 0 } connectionString ? Database.Create(connectionString) : null;
            var context = new DemoContext(terminal, outputFolder, ownDataSource ?? Database.DataSource, TimeProvider.System);
            var steps = DemoSteps.All(withPhantom: !parse.GetValue(withoutPhantom));
            terminal.Line($"CartLedger demo ({steps.Count} steps); files in {outputFolder}");
            for (var i = 0; i < steps.Count; i++)
            {
                terminal.Line($"[{i + 1}/{steps.Count}] {steps[i].Title}");
                await RunStepAsync(steps[i], context, cancellationToken);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunStepAsync(IDemoStep step, DemoContext context, CancellationToken cancellationToken)
    {
        try
        {
            await step.RunAsync(context, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new CommandFailedException($"demo step '{step.Title}': database error: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
