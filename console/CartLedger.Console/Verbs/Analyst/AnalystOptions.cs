using System.CommandLine;
using CartLedger.Console.Cli;
using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Support;

namespace CartLedger.Console.Verbs.Analyst;

/// <summary>What an analyst's verb (`contours import`, `scar edit`) needs: the procedure, who the analyst is, why, and the ledger to append to.</summary>
public sealed class AnalystOptions
{
    public Option<string> Procedure { get; } = new("--procedure") { Description = "The procedure (its id) the analyst's work belongs to." };
    public Option<string> By { get; } = new("--by") { Description = "The analyst's user id (recorded as the author, role analyst; not verified: the CLI has no sign-in)." };
    public Option<string> ByName { get; } = new("--by-name") { Description = "The analyst's printed name." };
    public Option<string> Note { get; } = new("--note") { Description = "What was done and why (required by the procedure record)." };
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of lines." };

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Procedure, By, ByName, Note, Json])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The procedure id, the analyst and the note; a missing one is a usage error naming the option.</summary>
    public (Guid ProcedureId, Actor Analyst, string Note) Read(ParseResult parse) =>
        (Guid.TryParse(parse.GetValue(Procedure), out var id) ? id : throw new UsageException("--procedure: a procedure id (GUID) is required"),
         new Actor(Required(parse.GetValue(By), "--by"), Required(parse.GetValue(ByName), "--by-name"), Role.Analyst),
         Required(parse.GetValue(Note), "--note"));

    /// <summary>An appender on the configured ledger, named as this host's terminal.</summary>
    public static async Task<ProcedureAppender> AppenderAsync(CancellationToken cancellationToken)
    {
        var store = await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
        var identity = WorkerIdentity.ForHost(SoftwareVersion.Current);
        return new ProcedureAppender(store, TimeProvider.System, identity.Terminal, identity.SoftwareVersion);
    }

    /// <summary>
    /// The shared path of an analyst's verb: the file at <paramref name="path"/> must exist (else a usage error naming
    /// <paramref name="argument"/>); its bytes and an appender on the configured ledger go to <paramref name="append"/>.
    /// A bad file, a computation that cannot run and the procedure's refusal end the command naming
    /// <paramref name="what"/>, with nothing written.
    /// </summary>
    public static async Task<T> AppendFromFileAsync<T>(string argument, string path, string what, Func<ProcedureAppender, byte[], Task<T>> append, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{argument}: no such file: {path}");
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return await AppendAsync(what, appender => append(appender, bytes), cancellationToken);
    }

    /// <summary>
    /// Runs an append against the ledger, turning a bad input (<see cref="InvalidDataException"/>), a computation problem or a
    /// rejection by the procedure into one failure line that says nothing was written.
    /// </summary>
    public static async Task<T> AppendAsync<T>(string what, Func<ProcedureAppender, Task<T>> append, CancellationToken cancellationToken)
    {
        var appender = await AppenderAsync(cancellationToken);
        try
        {
            return await append(appender);
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException($"{e.Message}; nothing written");
        }
        catch (ComputationProblem e)
        {
            throw new CommandFailedException($"{what} not possible ({e.Code}), nothing written: {e.Message}");
        }
        catch (ProcedureRejectedException e)
        {
            throw new CommandFailedException($"{what} refused by the procedure ({e.Rule}), nothing written: {e.Message}");
        }
    }

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option} is required") : value.Trim();
}
