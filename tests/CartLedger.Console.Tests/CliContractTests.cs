using System.CommandLine;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Tests;

/// <summary>The contract every verb keeps: --help with an example, exit 2 on bad usage, one error line on stderr.</summary>
public class CliContractTests
{
    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.RunAsync(args, new Terminal(output, error, interactive: false)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static IEnumerable<(Command Command, string[] Path)> AllCommands()
    {
        var root = VerbCatalog.CreateRoot(new Terminal(TextWriter.Null, TextWriter.Null, false));
        var pending = new Stack<(Command, string[])>();
        pending.Push((root, []));
        while (pending.Count > 0)
        {
            var (command, path) = pending.Pop();
            yield return (command, path);
            foreach (var sub in command.Subcommands)
            {
                pending.Push((sub, [.. path, sub.Name]));
            }
        }
    }

    [Fact]
    public void Every_verb_has_help_with_at_least_one_example()
    {
        var missing = new List<string>();
        foreach (var (command, path) in AllCommands())
        {
            var (code, output, _) = Run([.. path, "--help"]);
            var name = path.Length == 0 ? "(root)" : string.Join(' ', path);
            if (code != 0 || !output.Contains("Examples:", StringComparison.Ordinal) || !output.Contains("./cartledger", StringComparison.Ordinal))
            {
                missing.Add(name);
            }
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{name}' has no description");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void An_unknown_verb_exits_2_with_one_error_line()
    {
        var (code, output, error) = Run("no-such-verb");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("", output);
        var lines = error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("cartledger: error:", lines[0], StringComparison.Ordinal);
        Assert.Contains("no-such-verb", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_exits_2()
    {
        var (code, _, error) = Run("version", "--no-such-option");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_build_version_and_exits_0()
    {
        var (code, output, error) = Run("version");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
        Assert.Equal("", error);
    }
}
