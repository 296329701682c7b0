using System.Globalization;
using CartLedger.Console.Cli;
using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Ledger;
using CartLedger.Ledger.Procedures;
using CartLedger.Ledger.Users;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>
/// The procedure part of the demo: demo users (one per role), then a complete synthetic CRT procedure through the
/// decider into the ledger, printed back from the ledger as a timeline (both times, actor, what happened).
/// </summary>
public static class ProcedureDemo
{
    public static async Task<Guid> RunAsync(Terminal terminal, EventStore store, TimeProvider clock, string outputFolder, CancellationToken cancellationToken)
    {
        var users = new UserDirectory(store.DataSource);
        foreach (var user in DemoUsers.All)
        {
            await users.TryCreateAsync(user.SignInName, user.PrintedName, user.Role, user.DemoPassword, cancellationToken);
        }
        var procedureId = Guid.NewGuid();
        var implantDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-200);
        var procedures = new ProcedureStore(store, clock, Environment.MachineName, SoftwareVersion.Current);
        var correlation = Guid.NewGuid();
        foreach (var step in DemoProcedureScript.Build(procedureId, implantDay))
        {
            await procedures.HandleAsync(procedureId, step.Command, Guid.NewGuid(), correlation, cancellationToken);
        }
        var (_, records) = await procedures.LoadAsync(procedureId, cancellationToken);
        var lines = records.Select(Line).ToList();
        terminal.Line($"Procedure {procedureId}: {records.Count} events (recorded = database clock, occurred = clinical time as stated)");
        foreach (var line in lines)
        {
            terminal.Line(line);
        }
        Directory.CreateDirectory(outputFolder);
        var timelinePath = Path.Combine(outputFolder, "procedure-timeline.txt");
        await File.WriteAllLinesAsync(timelinePath, lines, cancellationToken);
        terminal.Line($"Timeline written to {timelinePath}");
        return procedureId;
    }

    public static void PrintUsers(Terminal terminal)
    {
        terminal.Line("Demo users (demo credentials; never use them for real data):");
        foreach (var user in DemoUsers.All)
        {
            terminal.Line($"  {user.Role.ToString().ToLowerInvariant(),-12} sign-in {user.SignInName,-14} password {user.DemoPassword,-18} {user.PrintedName}");
        }
    }

    private static string Line(ProcedureRecord record)
    {
        var r = record.Recorded;
        var occurred = r.OccurredAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.StreamVersion,3}  recorded {r.RecordedAt:yyyy-MM-dd HH:mm:ss 'UTC'}  occurred {occurred}  {r.Metadata.Actor.Name} ({r.Metadata.Actor.Role.ToString().ToLowerInvariant()})  {r.EventType}: {ProcedureTimeline.Describe(record.Event)}");
    }
}
