using Spectre.Console;

namespace CartLedger.Console.Cli;

/// <summary>
/// Where a verb writes: rich output (Spectre.Console) on a terminal, plain lines when piped. Injected so that
/// tests run verbs in-process and read what they printed; nothing in logic touches System.Console directly.
/// </summary>
public sealed class Terminal
{
    public Terminal(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        ErrorWriter = error;
        IsInteractive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    public TextWriter Out { get; }
    public TextWriter ErrorWriter { get; }

    /// <summary>True on a real terminal: progress bars and colour. False when piped: plain lines only.</summary>
    public bool IsInteractive { get; }

    /// <summary>Spectre.Console bound to <see cref="Out"/>.</summary>
    public IAnsiConsole Ansi { get; }

    public static Terminal FromEnvironment()
    {
        var interactive = !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");
        return new Terminal(System.Console.Out, System.Console.Error, interactive);
    }

    /// <summary>One plain line on standard output.</summary>
    public void Line(string text = "") => Out.WriteLine(text);

    /// <summary>One clear error line on standard error, prefixed so it reads well in scripts and CI logs.</summary>
    public void Error(string message) => ErrorWriter.WriteLine($"cartledger: error: {message}");
}
