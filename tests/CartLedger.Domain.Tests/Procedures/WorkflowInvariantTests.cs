using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;
using static CartLedger.Domain.Tests.Procedures.Rejections;

namespace CartLedger.Domain.Tests.Procedures;

public class WorkflowInvariantTests
{
    private static readonly ProcedureState Empty = ProcedureState.Initial;

    [Fact]
    public void Nothing_but_opening_is_accepted_before_the_procedure_exists()
    {
        AssertRejected(DemoHistory.Command<ImportStudy>(), Empty, "procedure.not_opened", "open it first");
    }

    [Fact]
    public void A_procedure_cannot_be_opened_twice()
    {
        AssertRejected(DemoHistory.Command<OpenProcedure>(), DemoHistory.Before("Baseline echo"), "procedure.already_opened", "already open");
    }

    [Fact]
    public void A_patient_name_is_refused_as_a_pseudonym()
    {
        AssertRejected(DemoHistory.Command<OpenProcedure>() with { PatientPseudonym = "Jan de Vries" }, Empty, "procedure.pseudonym_invalid", "never a name");
    }

    [Fact]
    public void A_clinical_time_in_the_future_is_rejected()
    {
        var open = DemoHistory.Command<OpenProcedure>() with { OccurredAt = DemoHistory.Now.AddHours(1) };
        AssertRejected(open, Empty, "time.in_future", "lies in the future");
    }

    [Fact]
    public void An_implausible_indication_is_rejected_naming_the_field()
    {
        var open = DemoHistory.Command<OpenProcedure>();
        AssertRejected(open with { Indication = open.Indication with { QrsDurationMs = new(16.8) } }, Empty, "values.out_of_range", "QRS duration = 16.8 ms");
    }

    [Fact]
    public void Myocardium_cannot_be_segmented_on_a_study_that_was_not_imported()
    {
        var command = DemoHistory.Command<RecordMyocardiumSegmentation>() with { StudyId = Guid.NewGuid() };
        AssertRejected(command, DemoHistory.Before("Myocardium"), "segmentation.requires_cmr_study", "no CMR study");
    }

    [Fact]
    public void Scar_cannot_be_segmented_before_the_myocardium()
    {
        AssertRejected(DemoHistory.Command<RecordScarSegmentation>(), DemoHistory.Before("Myocardium"), "scar.requires_myocardium", "before the scar");
    }

    [Fact]
    public void Scar_without_a_value_for_every_36_segment_is_rejected_naming_the_missing_ones()
    {
        var command = DemoHistory.Command<RecordScarSegmentation>();
        var partial = command with { Transmurality = command.Transmurality.Where(t => t.Segment.Number is not (4 or 30)).ToValueList() };
        AssertRejected(partial, DemoHistory.Before("Scar segmented"), "scar.segments_incomplete", "missing: 4, 30");
    }

    [Fact]
    public void Targets_cannot_be_proposed_or_chosen_before_scar_and_activation_exist()
    {
        var beforeScar = DemoHistory.Before("Scar segmented");
        AssertRejected(DemoHistory.Command<ProposeTargets>(), beforeScar, "targets.require_scar_and_activation", "missing: scar and activation");
        AssertRejected(DemoHistory.Command<ChooseTarget>(), beforeScar, "targets.require_scar_and_activation", "missing: scar and activation");
        AssertRejected(DemoHistory.Command<ProposeTargets>(), DemoHistory.Before("Activation mapped"), "targets.require_scar_and_activation", "missing: activation");
    }

    [Fact]
    public void A_target_cannot_be_chosen_without_a_proposal()
    {
        AssertRejected(DemoHistory.Command<ChooseTarget>(), DemoHistory.Before("Targets proposed"), "targets.require_proposal", "propose targets before choosing");
    }

    [Fact]
    public void A_scar_edit_after_the_proposal_requires_a_new_proposal_before_choosing()
    {
        var state = DemoHistory.Before("Target chosen");
        state = ProcedureEvolution.Evolve(state, Accepted(DemoHistory.Command<EditScar>(), state));
        AssertRejected(DemoHistory.Command<ChooseTarget>(), state, "targets.proposal_outdated", "propose targets again");
    }

    [Theory]
    [InlineData(9, "in scar (55 % transmural)")]
    [InlineData(16, "is septal")]
    [InlineData(0, "is the apical cap")]
    public void Choosing_a_target_in_scar_septum_or_apical_cap_without_a_reason_is_rejected(int number, string hazard)
    {
        var state = DemoHistory.Before("Target chosen");
        var segment = SegmentId.Of36(number);
        var choice = DemoHistory.Command<ChooseTarget>() with { PrimaryTarget = segment, TargetArea = [segment] };
        AssertRejected(choice, state, "targets.override_reason_required", hazard);
        var chosen = (TargetChosen)Accepted(choice with { OverrideReason = "only vein available; reviewed with the team" }, state);
        Assert.False(chosen.FollowsProposal);
        Assert.Equal("only vein available; reviewed with the team", chosen.OverrideReason);
    }

    [Fact]
    public void Choosing_a_safe_target_other_than_the_proposed_primary_needs_a_reason()
    {
        var choice = DemoHistory.Command<ChooseTarget>() with { PrimaryTarget = SegmentId.Of36(24), TargetArea = [SegmentId.Of36(24)] };
        AssertRejected(choice, DemoHistory.Before("Target chosen"), "targets.override_reason_required", "differs from the proposed 36:23 mid anterolateral 1");
    }

    [Fact]
    public void Only_a_cardiologist_chooses_the_target()
    {
        var choice = DemoHistory.Command<ChooseTarget>() with { By = DemoUsers.Analyst.Actor };
        AssertRejected(choice, DemoHistory.Before("Target chosen"), "access.role_not_allowed", "an analyst may not choose target");
    }

    [Fact]
    public void A_registration_cannot_be_accepted_without_a_proposal_for_it()
    {
        var accept = DemoHistory.Command<AcceptRegistration>() with { RegistrationId = Guid.NewGuid() };
        AssertRejected(accept, DemoHistory.Before("Registration accepted"), "registration.no_proposal", "has been proposed");
        AssertRejected(DemoHistory.Command<AcceptRegistration>(), DemoHistory.Before("Lead position"), "registration.already_decided", "already accepted");
    }

    [Fact]
    public void Two_view_landmark_fusion_needs_views_at_least_60_degrees_apart()
    {
        var state = DemoHistory.Before("Two-view");
        var acquire = DemoHistory.Command<AcquireFluoroscopy>();
        var close = acquire with { AcquisitionId = Guid.NewGuid(), Views = [acquire.Views[0], acquire.Views[1] with { PrimaryAngleDeg = 0 }] };
        state = ProcedureEvolution.Evolve(state, Accepted(close, state));
        var propose = DemoHistory.Command<ProposeRegistration>() with { AcquisitionId = close.AcquisitionId };
        AssertRejected(propose, state, "registration.views_too_close", "are 40 deg apart");
    }

    [Fact]
    public void The_lead_cannot_be_measured_without_an_accepted_registration_unless_a_protocol_deviation_precedes_it()
    {
        var state = DemoHistory.Before("Registration accepted");
        var measure = DemoHistory.Command<MeasureLeadPosition>();
        AssertRejected(measure, state, "lead.requires_accepted_registration", "is not accepted");
        AssertRejected(measure with { RegistrationId = null }, state, "lead.requires_accepted_registration", "record a protocol deviation first");
        var deviation = new RecordDeviation(DemoUsers.Cardiologist.Actor, measure.OccurredAt, DeviationKind.ProtocolStepSkipped, [DeviationReason.Other], "fusion unavailable: C-arm geometry missing");
        state = ProcedureEvolution.Evolve(state, Accepted(deviation, state));
        var measured = (LeadPositionMeasured)Accepted(measure with { RegistrationId = null }, state);
        Assert.Null(measured.RegistrationId);
    }

    [Fact]
    public void The_lead_cannot_be_measured_before_a_target_is_chosen_without_a_protocol_deviation()
    {
        AssertRejected(DemoHistory.Command<MeasureLeadPosition>() with { RegistrationId = null }, DemoHistory.Before("Target chosen"),
            "lead.requires_accepted_registration", "protocol deviation");
    }

    [Fact]
    public void QLV_longer_than_the_intrinsic_QRS_is_rejected()
    {
        var measure = DemoHistory.Command<MeasureLeadElectrical>();
        AssertRejected(measure with { Measurement = measure.Measurement with { QlvMs = new(180) } }, DemoHistory.Before("Electrical"), "values.inconsistent", "cannot exceed the intrinsic QRS duration (168 ms)");
        AssertRejected(measure with { Measurement = measure.Measurement with { PacingThresholdV = new(25) } }, DemoHistory.Before("Electrical"), "values.out_of_range", "pacing threshold = 25 V");
    }

    [Fact]
    public void QLV_over_QRS_is_derived_from_the_indication()
    {
        var measured = (LeadElectricalMeasured)Accepted(DemoHistory.Command<MeasureLeadElectrical>(), DemoHistory.Before("Electrical"));
        Assert.Equal(84.5, measured.QlvToQrsPercent.Value);
    }

    [Fact]
    public void Procedure_durations_must_be_consistent()
    {
        var record = DemoHistory.Command<RecordProcedureMetrics>();
        AssertRejected(record with { Metrics = record.Metrics with { LvLeadDurationMin = new(200) } }, DemoHistory.Before("Procedure metrics"), "values.inconsistent", "cannot exceed the total duration (118 min)");
    }

    [Fact]
    public void An_off_target_lead_needs_a_deviation_reason_before_completion()
    {
        AssertRejected(DemoHistory.Command<CompleteProcedure>(), DemoHistory.Before("Deviation"), "completion.requires_deviation_reason", "the lead is adjacent");
        AssertRejected(DemoHistory.Command<CompleteProcedure>(), DemoHistory.Before("Lead position"), "completion.requires_lead_position", "final lead position");
    }

    [Fact]
    public void A_deviation_needs_reasons_and_other_needs_a_note()
    {
        var deviate = DemoHistory.Command<RecordDeviation>();
        AssertRejected(deviate with { Reasons = [] }, DemoHistory.Before("Deviation"), "deviation.reasons_required", "at least one reason");
        AssertRejected(deviate with { Reasons = [DeviationReason.Other], Note = " " }, DemoHistory.Before("Deviation"), "deviation.note_required", "needs a note");
    }

    [Fact]
    public void After_completion_planning_and_implant_steps_are_refused()
    {
        AssertRejected(DemoHistory.Command<EditScar>(), DemoHistory.Before("Signed: target"), "procedure.completed", "cannot edit scar");
    }

    [Theory]
    [InlineData(0, "LVESV = 0 ml is outside the plausible range 5-1000 ml")]
    [InlineData(5000, "LVESV = 5000 ml is outside the plausible range 5-1000 ml")]
    public void Follow_up_values_outside_physiological_ranges_are_rejected_with_a_message(double lvesvMl, string message)
    {
        var record = (RecordFollowUp)DemoHistory.Command("6-month echo");
        AssertRejected(record with { Echo = record.Echo with { LvesvMl = new Millilitres(lvesvMl) } }, DemoHistory.Before("6-month echo"), "values.out_of_range", message);
    }

    [Fact]
    public void Follow_up_volumes_must_be_consistent_and_each_visit_is_recorded_once()
    {
        var record = (RecordFollowUp)DemoHistory.Command("6-month echo");
        AssertRejected(record with { Echo = record.Echo with { LvesvMl = new(160) } }, DemoHistory.Before("6-month echo"), "values.inconsistent", "must be smaller than LVEDV");
        AssertRejected(record, DemoHistory.Before("Correction"), "follow_up.visit_already_recorded", "correct it instead");
        AssertRejected(record, DemoHistory.Before("Procedure completed"), "follow_up.requires_completed_procedure", "6-month follow-up needs a completed procedure");
    }
}
