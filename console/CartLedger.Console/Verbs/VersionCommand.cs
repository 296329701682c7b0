using System.CommandLine;
using System.Reflection;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs;

/// <summary>`cartledger version`: the software version recorded in every event's metadata.</summary>
public static class VersionCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("version", "Print the software version that this build records in every event.")
            .WithExamples("./cartledger version");
        command.SetAction(_ =>
        {
            terminal.Line(SoftwareVersion.Current);
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The informational version of this build (for ledger metadata and audit reports).</summary>
public static class SoftwareVersion
{
    public static string Current { get; } =
        typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
