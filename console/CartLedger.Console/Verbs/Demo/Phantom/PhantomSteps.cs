using CartLedger.Domain.Demo;
using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;
using CartLedger.Workers.Scenario;

namespace CartLedger.Console.Verbs.Demo.Phantom;

/// <summary>Planning computed, not entered: phantom -> import (blobs) -> worker (CMR chain) -> targets, compared with the phantom's truth; the cardiologist chooses.</summary>
public sealed class PhantomPlanningStep : IDemoStep
{
    public string Title => "Planning computed from a phantom: import, CMR worker, targets vs truth";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var demo = new PhantomDemo(context);
        context.Remember(PhantomDemo.Key, demo);
        await demo.GenerateAndOpenAsync(cancellationToken);
        var imported = await demo.ImportAsync(demo.Folders.Cmr, cancellationToken);
        await demo.ImportAsync(demo.Folders.Cmr, cancellationToken);
        await demo.DrainAsync(cancellationToken);
        var nerve = demo.Patient.Truth.PhrenicNerve.Select(p => new Point3Mm(Math.Round(p.X, 1), Math.Round(p.Y, 1), Math.Round(p.Z, 1))).ToValueList();
        await demo.CommandAsync(new TracePhrenicNerve(DemoUsers.Analyst.Actor, context.Clock.GetUtcNow(), imported.Studies[0].StudyId!.Value, nerve), cancellationToken);
        context.Say($"analyst traced the phrenic nerve ({nerve.Count} points; simulated from the phantom's truth, the CT is not analysed here)");
        var events = await demo.EventsAsync(cancellationToken);
        if (events.OfType<TargetsProposed>().LastOrDefault() is not { } proposal)
        {
            context.Say("no targets proposed: see the failure above; the procedure would continue with manually imported contours");
            return;
        }
        var truth = SegmentId.Of36(demo.Patient.Truth.Targets.Primary);
        var primary = proposal.Sites[0].Segment;
        context.Say($"proposed primary {PhantomDemo.Label(primary)}; phantom truth {PhantomDemo.Label(truth)} ({LeadClassifier.Classify(primary, truth).ToString().ToLowerInvariant()})");
        await demo.CommandAsync(new ChooseTarget(DemoUsers.Cardiologist.Actor, context.Clock.GetUtcNow(), primary, [primary], null), cancellationToken);
        context.Say($"cardiologist chose {PhantomDemo.Label(primary)} as proposed");
        await demo.DrainAsync(cancellationToken);
        PhantomOutputs.SayTreatmentFiles(demo, (await demo.EventsAsync(cancellationToken)).OfType<TreatmentFilesExported>().LastOrDefault());
    }
}

/// <summary>The cath lab: XA import -> registration proposed -> landmarks -> fusion accepted -> electrode marked -> measured; category and distances.</summary>
public sealed class PhantomCathLabStep : IDemoStep
{
    public string Title => "Cath lab on the phantom: registration, electrode measured, category and distances";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var demo = context.Recall<PhantomDemo>(PhantomDemo.Key);
        if ((await demo.EventsAsync(cancellationToken)).OfType<TargetChosen>().Any() is false)
        {
            context.Say("skipped: no target was chosen in the planning step");
            return;
        }
        await demo.ImportAsync(demo.Folders.Xa, cancellationToken);
        await demo.DrainAsync(cancellationToken);
        var acquired = (await demo.EventsAsync(cancellationToken)).OfType<FluoroscopyAcquired>().Single();
        if ((await demo.EventsAsync(cancellationToken)).OfType<RegistrationProposed>().LastOrDefault(r => r.ModelSet == ModelSet.Cmr) is { } intensity)
        {
            context.Say($"intensity registration: {demo.ErrorAtLvCentreMm(intensity.Pose):0.0} mm from the phantom truth at the LV centre (first view's breathing state)");
        }
        context.Say("operator picks CS ostium, epicardial apex, mitral-plane centre and mid phrenic nerve in both views (simulated from the phantom's truth)");
        await demo.CommandAsync(new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, context.Clock.GetUtcNow(), acquired.AcquisitionId, PhantomScenario.Landmarks(demo.Patient, acquired)), cancellationToken);
        await demo.DrainAsync(cancellationToken);
        var fused = (await demo.EventsAsync(cancellationToken)).OfType<RegistrationProposed>().LastOrDefault(r => r.Method == RegistrationMethod.TwoViewLandmarks);
        if (fused is null)
        {
            context.Say("no landmark registration was proposed: see the failure above");
            return;
        }
        await demo.CommandAsync(new AcceptRegistration(DemoUsers.Cardiologist.Actor, context.Clock.GetUtcNow(), fused.RegistrationId, null), cancellationToken);
        context.Say($"cardiologist accepted the landmark registration (expected TRE {fused.EstimatedTreMm?.ToString() ?? "n/a"}; {demo.ErrorAtLvCentreMm(fused.Pose):0.0} mm from the phantom truth at the LV centre)");
        await PhantomCtModelSet.RegisterAsync(demo, context, acquired, cancellationToken);
        context.Say("operator marks the LV lead's tip electrode in both views (simulated from the phantom's truth)");
        await demo.CommandAsync(new MarkElectrode(DemoUsers.Operator.Actor, context.Clock.GetUtcNow(), acquired.AcquisitionId, "LV1 distal", PhantomScenario.Electrode(demo.Patient, acquired, 0)), cancellationToken);
        await demo.DrainAsync(cancellationToken);
        if ((await demo.EventsAsync(cancellationToken)).OfType<LeadPositionMeasured>().LastOrDefault() is { } lead)
        {
            var truth = SegmentId.Of36(demo.Patient.Truth.Lead!.ElectrodeSegments36[0]);
            context.Say($"LV1 distal in {PhantomDemo.Label(lead.Segment36)} (18: {lead.Segment18}, AHA: {lead.Aha17}); phantom truth {PhantomDemo.Label(truth)}");
            context.Say($"category vs target: 36 {PhantomDemo.Category(lead.Categories?.In36)}, 18 {PhantomDemo.Category(lead.Categories?.In18)}, AHA 17 {PhantomDemo.Category(lead.Categories?.InAha17)}; " +
                $"distance to target {lead.DistanceToTargetMm?.ToString() ?? "n/a"}, to scar {lead.DistanceToScarMm?.ToString() ?? "n/a"}, to phrenic nerve {lead.DistanceToPhrenicNerveMm?.ToString() ?? "n/a"}");
        }
        context.Say("the worker rendered the overlays on acceptance and again with the measured electrode (fluoroscopy_overlays_rendered, PNG and Secondary Capture per view as blobs); the latest:");
        foreach (var path in await PhantomOutputs.WriteOverlaysAsync(demo, cancellationToken))
        {
            context.Say($"overlay: {path}");
        }
        await demo.WriteOutputsAsync(cancellationToken);
    }
}
