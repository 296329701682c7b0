using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace CartLedger.Console.Cli;

/// <summary>
/// Examples shown at the end of every verb's --help. Each verb registers at least one with
/// <see cref="WithExamples"/>; a test walks the whole command tree and fails for a verb without one.
/// </summary>
public static class Help
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    public static T WithExamples<T>(this T command, params string[] examples) where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<string> ExamplesOf(Command command) =>
        Examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Replaces the default help action with one that prints the standard help, then the examples.</summary>
    public static void InstallExampleHelp(RootCommand root)
    {
        var helpOption = root.Options.OfType<HelpOption>().Single();
        if (helpOption.Action is HelpAction standard)
        {
            helpOption.Action = new ExampleHelpAction(standard);
        }
    }

    private sealed class ExampleHelpAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            standard.Invoke(parseResult);
            var examples = ExamplesOf(parseResult.CommandResult.Command);
            if (examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }
                output.WriteLine();
            }
            return ExitCodes.Success;
        }
    }
}
