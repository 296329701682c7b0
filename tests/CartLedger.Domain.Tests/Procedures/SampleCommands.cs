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
        var acquisition = proposed.Acquisitions[0].AcquisitionId;
        yield return (new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, DemoHistory.Now.AddDays(-400), acquisition, List(
            new FluoroscopyLandmark("cs-ostium", new(5, 6, 7), List(new ViewPixel(0, 410, 380), new ViewPixel(1, 395, 402))),
            new FluoroscopyLandmark("lv-apex", new(60, -20, -40), List(new ViewPixel(0, 620, 700), new ViewPixel(1, 540, 690))),
            new FluoroscopyLandmark("lv-centre", new(30, -10, 0), List(new ViewPixel(0, 520, 540), new ViewPixel(1, 480, 530))))), proposed);
        yield return (new MarkElectrode(DemoUsers.Operator.Actor, DemoHistory.Now.AddDays(-400), acquisition, "LV1 distal", List(new ViewPixel(0, 600, 500), new ViewPixel(1, 560, 480))), proposed);
        var accepted = DemoHistory.Before("Lead position");
        yield return (new RecordFluoroscopyOverlays(DemoUsers.Worker.Actor, DemoHistory.Now.AddDays(-400), accepted.Acquisitions[0].AcquisitionId, accepted.Registrations[0].RegistrationId,
            List(new OverlayView(0, "LAO 40", new string('c', 64), "1.2.826.0.1.3680043.10.1452.9.7", new string('d', 64))),
            new AlgorithmInfo("cartledger.workers.fluoroscopy-overlay", "1.0.0", List(new AlgorithmParameter("registration", "accepted")), List(new string('a', 64)), new string('b', 64))), accepted);
        yield return (new RecordComputationFailure(DemoUsers.Worker.Actor, DemoHistory.Now.AddDays(-400), "cmr-analysis", "lv-not-found", "no LV blood pool was found in the cine's mid slices",
            study, new AlgorithmInfo("cartledger.cmr.lv-segmentation", "1.0.0", List(new AlgorithmParameter("angleCount", "72")), List(new string('a', 64)), new string('b', 64))), planning);
    }

    public static IEnumerable<Type> AllCommandTypes() =>
        typeof(ProcedureCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProcedureCommand)) && !t.IsAbstract).OrderBy(t => t.Name);

    public static ValueList<T> List<T>(params T[] items) => items.ToValueList();
}
