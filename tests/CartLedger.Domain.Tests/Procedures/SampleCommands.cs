using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>One sample of every command type with the state it applies to (demo commands, plus the three the demo does not use).</summary>
internal static class SampleCommands
{
    public static IEnumerable<(ProcedureCommand Command, ProcedureState State)> All()
    {
        var seen = new HashSet<Type>();
        for (var i = 0; i < DemoHistory.Steps.Count; i++)
        {
            var command = DemoHistory.Steps[i].Command;
            if (seen.Add(command.GetType()))
            {
                yield return (command, DemoHistory.Run(i).State);
            }
        }
        var planning = DemoHistory.Before("Targets proposed");
        var study = planning.Studies[0].StudyId;
        yield return (new TracePhrenicNerve(DemoUsers.Analyst.Actor, DemoHistory.Now.AddDays(-400), study, [new(10, 20, 30), new(12, 25, 40)]), planning);
        yield return (new MarkCoronarySinusOstium(DemoUsers.Analyst.Actor, DemoHistory.Now.AddDays(-400), study, new(5, 6, 7)), planning);
        var proposed = DemoHistory.Before("Registration accepted");
        yield return (new RejectRegistration(DemoUsers.Operator.Actor, DemoHistory.Now.AddDays(-400), proposed.Registrations[0].RegistrationId, "landmarks misplaced"), proposed);
    }

    public static IEnumerable<Type> AllCommandTypes() =>
        typeof(ProcedureCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProcedureCommand)) && !t.IsAbstract).OrderBy(t => t.Name);

    public static ValueList<T> List<T>(params T[] items) => items.ToValueList();
}
