using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Domain.Values;
using static CartLedger.Domain.Tests.Procedures.Rejections;
using static CartLedger.Domain.Tests.Procedures.SampleCommands;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>The events workers and cath-lab staff add around computation: failures, landmarks, electrode marks.</summary>
public class WorkerEventTests
{
    private static readonly DateTimeOffset At = DemoHistory.Now.AddDays(-400);
    private static readonly AlgorithmInfo Algorithm = new("cartledger.cmr.lv-segmentation", "1.0.0", [], List(new string('a', 64)), new string('b', 64));

    [Fact]
    public void A_worker_records_a_failed_computation_with_its_code_and_reason_and_the_state_is_unchanged()
    {
        var state = DemoHistory.Before("Targets proposed");
        var study = state.Studies[0].StudyId;
        var failed = Assert.IsType<ComputationFailed>(Accepted(
            new RecordComputationFailure(DemoUsers.Worker.Actor, At, "cmr-analysis", "lv-not-found", "no LV blood pool in the mid slices", study, Algorithm), state));

        Assert.Equal("lv-not-found", failed.Code);
        var after = ProcedureEvolution.Evolve(state, failed);
        Assert.Equal(state with { Version = after.Version, Entries = after.Entries }, after);
        var encoded = ProcedureEventCodec.Encode(failed);
        Assert.Equal("computation_failed", encoded.EventType);
        Assert.Equal(failed, ProcedureEventCodec.Decode(encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json));
    }

    [Fact]
    public void A_failure_needs_a_code_a_reason_and_a_permitted_role()
    {
        var state = DemoHistory.Before("Targets proposed");
        AssertRejected(new RecordComputationFailure(DemoUsers.Worker.Actor, At, "cmr-analysis", "LV not found", "x", null, Algorithm), state, "failure.code_invalid", "lower-case words");
        AssertRejected(new RecordComputationFailure(DemoUsers.Worker.Actor, At, "cmr-analysis", "lv-not-found", " ", null, Algorithm), state, "failure.reason_required", "say what went wrong");
        AssertRejected(new RecordComputationFailure(DemoUsers.Worker.Actor, At, "cmr-analysis", "lv-not-found", "x", Guid.NewGuid(), Algorithm), state, "study.unknown", "has not been imported");
        AssertRejected(new RecordComputationFailure(DemoUsers.Operator.Actor, At, "cmr-analysis", "lv-not-found", "x", null, Algorithm), state, "access.role_not_allowed", "allowed: worker, analyst");
    }

    [Fact]
    public void An_electrode_must_be_marked_in_two_views_of_a_known_acquisition()
    {
        var state = DemoHistory.Before("Registration accepted");
        var acquisition = state.Acquisitions[0].AcquisitionId;
        Assert.IsType<ElectrodeMarked>(Accepted(new MarkElectrode(DemoUsers.Operator.Actor, At, acquisition, "LV1 distal", List(new ViewPixel(0, 10, 10), new ViewPixel(1, 12, 9))), state));
        AssertRejected(new MarkElectrode(DemoUsers.Operator.Actor, At, acquisition, "LV1 distal", List(new ViewPixel(0, 10, 10), new ViewPixel(0, 12, 9))), state, "electrode.needs_two_views", "two views");
        AssertRejected(new MarkElectrode(DemoUsers.Operator.Actor, At, acquisition, "LV1 distal", List(new ViewPixel(0, 10, 10), new ViewPixel(7, 12, 9))), state, "picks.unknown_view", "view 7 does not exist");
        AssertRejected(new MarkElectrode(DemoUsers.Operator.Actor, At, Guid.NewGuid(), "LV1 distal", List(new ViewPixel(0, 10, 10), new ViewPixel(1, 12, 9))), state, "fluoroscopy.unknown", "no fluoroscopy");
    }

    [Fact]
    public void Overlays_are_recorded_for_an_accepted_registration_one_per_view()
    {
        var proposed = DemoHistory.Before("Registration accepted");
        var accepted = DemoHistory.Before("Lead position");
        var (acquisition, registration) = (accepted.Acquisitions[0].AcquisitionId, accepted.Registrations[0].RegistrationId);
        var info = new AlgorithmInfo("cartledger.workers.fluoroscopy-overlay", "1.0.0", [], List(new string('a', 64)), new string('b', 64));
        OverlayView View(int index) => new(index, $"view {index}", new string('c', 64), $"1.2.3.{index}", new string('d', 64));
        RecordFluoroscopyOverlays Command(Guid registrationId, params OverlayView[] views) => new(DemoUsers.Worker.Actor, At, acquisition, registrationId, List(views), info);

        Assert.IsType<FluoroscopyOverlaysRendered>(Accepted(Command(registration, View(0), View(1)), accepted));
        AssertRejected(Command(registration, View(0)), proposed, "overlays.requires_accepted_registration", "accepted registration");
        AssertRejected(Command(Guid.NewGuid(), View(0)), accepted, "overlays.unknown_registration", "is not a registration");
        AssertRejected(Command(registration, View(0), View(0)), accepted, "overlays.views_invalid", "each once");
        AssertRejected(Command(registration, View(2)), accepted, "overlays.views_invalid", "views 0-1");
        AssertRejected(Command(registration, View(0) with { PngSha256 = "x" }), accepted, "overlays.files_invalid", "SHA-256");
    }

    [Fact]
    public void Landmarks_need_three_named_landmarks_each_picked()
    {
        var state = DemoHistory.Before("Registration accepted");
        var acquisition = state.Acquisitions[0].AcquisitionId;
        var picks = List(new ViewPixel(0, 10, 10), new ViewPixel(1, 12, 9));
        AssertRejected(new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, At, acquisition, List(new FluoroscopyLandmark("a", new(0, 0, 0), picks), new FluoroscopyLandmark("b", new(1, 0, 0), picks))),
            state, "landmarks.too_few", "at least 3");
        AssertRejected(new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, At, acquisition, List(new FluoroscopyLandmark("a", new(0, 0, 0), picks), new FluoroscopyLandmark("a", new(1, 0, 0), picks), new FluoroscopyLandmark("c", new(0, 1, 0), picks))),
            state, "landmarks.names_invalid", "each name once");
        AssertRejected(new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, At, acquisition, List(new FluoroscopyLandmark("a", new(0, 0, 0), picks), new FluoroscopyLandmark("b", new(1, 0, 0), picks), new FluoroscopyLandmark("c", new(0, 1, 0), []))),
            state, "landmarks.unpicked", "'c' is not picked");
    }
}
