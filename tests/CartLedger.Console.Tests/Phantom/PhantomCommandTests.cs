using CartLedger.Console.Cli;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Phantom;

/// <summary>The phantom verb refuses bad input before generating anything, with one line naming the option or file.</summary>
public class PhantomCommandTests
{
    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.RunAsync(args, new Terminal(output, error, interactive: false)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--scar", "40:10", "--scar")]
    [InlineData("--scar", "17:abc", "--scar")]
    [InlineData("--views", "LAO40,XYZ", "--views")]
    [InlineData("--lead", "37", "--lead")]
    [InlineData("--ct", "huge", "--ct")]
    [InlineData("--ct-frame", "tilted", "--ct-frame")]
    public void A_bad_option_value_exits_2_naming_the_option(string option, string value, string named)
    {
        var folder = Path.Combine(RepoPaths.ScratchFolder("phantom-cli"), "out");
        var (code, output, error) = Run("phantom", "--out", folder, option, value);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("", output);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(folder), "nothing may be written on bad usage");
    }

    [Fact]
    public void An_existing_non_empty_output_folder_is_refused_and_left_untouched()
    {
        var folder = RepoPaths.ScratchFolder("phantom-cli-existing");
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        var (code, _, error) = Run("phantom", "--out", folder, "--seed", "3");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "keep.txt")));
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Help_names_the_preview_option_with_an_example()
    {
        var (code, output, _) = Run("phantom", "--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--preview", output, StringComparison.Ordinal);
        Assert.Contains("./cartledger phantom --out /tmp/p7 --seed 7 --preview", output, StringComparison.Ordinal);
    }
}
