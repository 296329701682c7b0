using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Response;
using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Tests.Procedures;

public class DemoHistoryTests
{
    [Fact]
    public void The_demo_procedure_runs_from_enrolment_to_six_month_follow_up_one_event_per_step()
    {
        var (events, state) = DemoHistory.Run();
        Assert.Equal(DemoHistory.Steps.Count, events.Count);
        Assert.Equal(events.Count, state.Version);
        Assert.True(state.IsCompleted);
        Assert.Equal(SegmentId.Of36(23), state.Proposal!.Sites[0].Segment);
        Assert.True(state.Target!.FollowsProposal);
        Assert.Equal(new LeadCategories(LeadCategory.Adjacent, LeadCategory.Within, LeadCategory.Within), state.LeadPosition!.Categories);
        Assert.Equal(5, state.Signatures.Count);
    }

    [Fact]
    public void A_correction_keeps_the_old_value_in_the_stream_and_the_state_shows_the_new_one()
    {
        // AT-02: LVESV entered as 110 ml, corrected to 101 ml with a reason.
        var (events, state) = DemoHistory.Run();
        var original = events.OfType<FollowUpRecorded>().Single(f => f.Visit == AssessmentVisit.SixMonths);
        var correction = events.OfType<CorrectionRecorded>().Single();
        Assert.Equal(110, original.Echo.LvesvMl.Value);
        Assert.Equal(101, ((FollowUpRecorded)correction.Replacement).Echo.LvesvMl.Value);
        Assert.Equal("transcription error: the core-lab report reads LVESV 101 ml", correction.Reason);
        Assert.Equal(101, state.Assessment(AssessmentVisit.SixMonths)!.Echo.LvesvMl.Value);
        Assert.Single(state.Assessments, a => a.Value.Visit == AssessmentVisit.SixMonths);
    }

    [Fact]
    public void The_demo_patient_is_a_super_responder_on_the_corrected_value()
    {
        var (_, state) = DemoHistory.Run();
        var response = RemodelingResponse.From(state.Assessment(AssessmentVisit.Baseline)!.Echo, state.Assessment(AssessmentVisit.SixMonths)!.Echo);
        Assert.Equal(-38.04, response.LvesvChangePercent, 2);
        Assert.True(response.IsVolumetricResponder);
        Assert.True(response.IsSuperResponder);
        Assert.Equal(12, response.LvefChangePoints, 9);
    }
}
