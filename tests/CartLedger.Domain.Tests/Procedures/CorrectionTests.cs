using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using static CartLedger.Domain.Tests.Procedures.Rejections;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>AT-02/AT-03: corrections supersede, keep the old value, need a reason and pass the original's checks.</summary>
public class CorrectionTests
{
    private static readonly ProcedureState BeforeCorrection = DemoHistory.Before("Correction");
    private static readonly CorrectRecord Correction = DemoHistory.Command<CorrectRecord>();

    [Fact]
    public void A_correction_without_a_reason_is_rejected()
    {
        AssertRejected(Correction with { Reason = "  " }, BeforeCorrection, "correction.reason_required", "needs a reason");
    }

    [Fact]
    public void Computed_results_and_decisions_are_not_corrected_in_place()
    {
        var scar = BeforeCorrection.Entries.First(e => e.EventType == "scar_segmented");
        AssertRejected(Correction with { Version = scar.Version }, BeforeCorrection, "correction.not_correctable", "record a new one");
    }

    [Fact]
    public void The_replacement_must_have_the_corrected_entry_s_type_and_pass_its_checks()
    {
        var metrics = BeforeCorrection.Entries.First(e => e.EventType == "procedure_metrics_recorded");
        AssertRejected(Correction with { Version = metrics.Version }, BeforeCorrection, "correction.type_mismatch", "the replacement is 'follow_up_recorded'");
        var replacement = (FollowUpRecorded)Correction.Replacement;
        AssertRejected(Correction with { Replacement = replacement with { Echo = replacement.Echo with { LvesvMl = new(5000) } } }, BeforeCorrection, "values.out_of_range", "LVESV = 5000 ml");
    }

    [Fact]
    public void The_procedure_identity_cannot_be_corrected()
    {
        var opened = BeforeCorrection.Opened!;
        AssertRejected(Correction with { Version = 1, Replacement = opened with { ProcedureId = Guid.NewGuid() } }, BeforeCorrection, "correction.identity_changed", "procedure id");
    }

    [Fact]
    public void The_corrector_is_recorded_as_the_author_of_the_replacement()
    {
        var other = new Access.Actor("dr.other", "Dr. Other", Access.Role.Cardiologist);
        var correction = (CorrectionRecorded)Accepted(Correction with { By = other }, BeforeCorrection);
        Assert.Equal(other, correction.Replacement.By);
        Assert.Equal("follow_up_recorded", correction.CorrectedEventType);
        Assert.Equal(DemoUsers.Cardiologist.Actor, BeforeCorrection.Assessment(AssessmentVisit.SixMonths)!.By);
    }

    [Fact]
    public void An_indication_correction_changes_the_state_and_later_QLV_over_QRS_uses_it()
    {
        var state = DemoHistory.Before("Electrical");
        var opened = state.Opened!;
        var corrected = opened with { Indication = opened.Indication with { QrsDurationMs = new(142) } };
        state = ProcedureEvolution.Evolve(state, Accepted(new CorrectRecord(DemoUsers.Cardiologist.Actor, opened.OccurredAt, 1, "QRS read from the wrong ECG", corrected), state));
        Assert.Equal(142, state.Opened!.Indication.QrsDurationMs.Value);
        var measured = (LeadElectricalMeasured)Accepted(DemoHistory.Command<MeasureLeadElectrical>(), state);
        Assert.Equal(100, measured.QlvToQrsPercent.Value);
    }
}
