using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Workers.Scenario;

namespace CartLedger.Console.Verbs.Demo.Phantom;

/// <summary>
/// The CT model set in the cath lab (seed 1 fused CT and CMR separately): the phantom's CT lies in its own frame of
/// reference; it is imported, the phrenic nerve traced on it, CT landmarks picked in both views and the CT registration
/// accepted on its own, so the nerve is drawn and measured with the CT pose.
/// </summary>
public static class PhantomCtModelSet
{
    public static async Task RegisterAsync(PhantomDemo demo, DemoContext context, FluoroscopyAcquired acquired, CancellationToken cancellationToken)
    {
        var imported = await demo.ImportAsync(demo.Folders.Ct, cancellationToken);
        var ctStudy = imported.Studies.Single().StudyId ?? throw new InvalidOperationException("the CT study was not imported");
        var offset = demo.Patient.Truth.CtFrame!.CtFromCmr;
        context.Say($"CT study imported (its own frame of reference: {(offset.Apply(demo.Patient.Truth.Landmarks.LvCentre) - demo.Patient.Truth.Landmarks.LvCentre).Length:0} mm from the CMR's at the LV centre)");
        await demo.CommandAsync(new TracePhrenicNerve(DemoUsers.Analyst.Actor, context.Clock.GetUtcNow(), ctStudy, PhantomScenario.CtPhrenicNerve(demo.Patient)), cancellationToken);
        context.Say("analyst traced the phrenic nerve on the CT (simulated from the phantom's truth); operator picks the CS ostium and three points of the nerve in both views");
        await demo.CommandAsync(new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, context.Clock.GetUtcNow(), acquired.AcquisitionId, PhantomScenario.CtLandmarks(demo.Patient, acquired), ModelSet.Ct), cancellationToken);
        await demo.DrainAsync(cancellationToken);
        var ct = (await demo.EventsAsync(cancellationToken)).OfType<RegistrationProposed>().LastOrDefault(r => r.ModelSet == ModelSet.Ct && r.Method == RegistrationMethod.TwoViewLandmarks);
        if (ct is null)
        {
            context.Say("no CT registration was proposed: see the failure above");
            return;
        }
        await demo.CommandAsync(new AcceptRegistration(DemoUsers.Cardiologist.Actor, context.Clock.GetUtcNow(), ct.RegistrationId, null), cancellationToken);
        context.Say($"cardiologist accepted the CT registration (expected TRE {ct.EstimatedTreMm?.ToString() ?? "n/a"}; the CMR registration stays in force for the LV model)");
    }
}
