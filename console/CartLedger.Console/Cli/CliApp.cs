using System.CommandLine;

namespace CartLedger.Console.Cli;

/// <summary>
/// Parses and runs one invocation: bad usage exits 2 with one line on stderr, an expected failure exits 1
/// with one line on stderr, success exits 0. Unexpected exceptions also exit 1 with one line (their type and
/// message; the stack trace only with CARTLEDGER_DEBUG=1), so no verb ever dumps a trace on an operator.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        var root = VerbCatalog.CreateRoot(terminal);
        var parsed = root.Parse(args);
        // --help wins over missing required arguments: a verb's help must show even when it is called bare.
        var helpRequested = parsed.Action is not null && parsed.Action == root.Options.OfType<System.CommandLine.Help.HelpOption>().Single().Action;
        if (parsed.Errors.Count > 0 && !helpRequested)
        {
            var verb = string.Join(' ', parsed.CommandResult.Command is RootCommand ? [] : CommandPath(parsed.CommandResult.Command, root));
            var error = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
            terminal.Error($"{error.Message} (see 'cartledger {verb}{(verb.Length > 0 ? " " : "")}--help')");
            return ExitCodes.BadUsage;
        }
        var invocation = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = terminal.Out,
            Error = terminal.ErrorWriter,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException e)
        {
            terminal.Error(e.Message);
            return ExitCodes.BadUsage;
        }
        catch (CommandFailedException e)
        {
            terminal.Error(e.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            terminal.Error("cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("CARTLEDGER_DEBUG") != "1")
        {
            terminal.Error(OneLine(e));
            return ExitCodes.Failure;
        }
    }

    private static string OneLine(Exception e)
    {
        var inner = e;
        while (inner is AggregateException { InnerException: not null } aggregate)
        {
            inner = aggregate.InnerException;
        }
        return (inner ?? e).Message.ReplaceLineEndings(" ");
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var path = new Stack<string>();
        for (Symbol? s = command; s is Command c && c != root; s = c.Parents.FirstOrDefault())
        {
            path.Push(c.Name);
        }
        return path;
    }
}
