using System.CommandLine;
using CartLedger.Console.Cli;
using CartLedger.Ledger;
using Npgsql;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>`cartledger demo`: the end-to-end demo against the database in CARTLEDGER_DB (./cartledger demo sets it up).</summary>
public static class DemoCommand
{
    public static Command Create(Terminal terminal)
    {
        var output = new Option<string>("--output") { Description = "Folder for the demo's files", DefaultValueFactory = _ => Path.Combine(".cartledger", "demo") };
        var command = new Command("demo", "Run the end-to-end demo: demo users, a complete synthetic CRT procedure in the ledger, its timeline.")
            .WithExamples("./cartledger demo", "./cartledger demo --output /tmp/cartledger-demo");
        var database = new Option<string?>("--database") { Description = "Npgsql connection string (default: CARTLEDGER_DB)" };
        command.Options.Add(output);
        command.Options.Add(database);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(database) ?? Environment.GetEnvironmentVariable("CARTLEDGER_DB");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new CommandFailedException("CARTLEDGER_DB is not set: run the demo through ./cartledger demo, which starts the local database");
            }
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var store = await EventStore.OpenAsync(dataSource, cancellationToken: cancellationToken);
            await ProcedureDemo.RunAsync(terminal, store, TimeProvider.System, parse.GetValue(output)!, cancellationToken);
            terminal.Line();
            ProcedureDemo.PrintUsers(terminal);
            return ExitCodes.Success;
        });
        return command;
    }
}
