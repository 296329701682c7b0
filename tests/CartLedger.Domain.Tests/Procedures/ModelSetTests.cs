using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Domain.Values;
using static CartLedger.Domain.Tests.Procedures.Rejections;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>The CMR and CT model sets are registered to the fluoroscopy each on its own (seed 1) and accepted apart.</summary>
public class ModelSetTests
{
    private static readonly DateTimeOffset At = DemoHistory.Now.AddDays(-400);
    private static readonly Guid CtStudyId = new("c7000000-0000-4000-8000-000000000001");

    private static ProcedureState WithCtStudy(ProcedureState state)
    {
        var cmr = DemoHistory.Command<ImportStudy>();
        var ct = cmr with
        {
            By = DemoUsers.Analyst.Actor,
            StudyId = CtStudyId,
            Modality = Modality.Ct,
            StudyInstanceUid = "1.2.826.0.1.3680043.10.1452.1.99",
            Series = [cmr.Series[0] with { SeriesInstanceUid = "1.2.826.0.1.3680043.10.1452.1.99.1", Kind = SeriesKind.CtAngiography, Description = "CT" }],
        };
        return ProcedureEvolution.Evolve(state, Accepted(ct, state));
    }

    private static ProposeRegistration CtProposal(ProcedureState state, Guid registrationId) =>
        DemoHistory.Command<ProposeRegistration>() with { RegistrationId = registrationId, AcquisitionId = state.Acquisitions[0].AcquisitionId, ModelSet = ModelSet.Ct };

    [Fact]
    public void A_CT_registration_without_a_CT_study_or_CT_structures_is_rejected()
    {
        var state = DemoHistory.Before("Registration accepted");
        AssertRejected(CtProposal(state, Guid.NewGuid()), state, "registration.requires_ct_model", "import a CT study");
    }

    [Fact]
    public void Accepting_the_CT_registration_leaves_the_CMR_registration_in_force_and_each_set_has_its_own_pose()
    {
        var state = WithCtStudy(DemoHistory.Before("Lead position"));
        var acquisition = state.Acquisitions[0].AcquisitionId;
        var cmr = state.AcceptedRegistration(acquisition, ModelSet.Cmr);
        Assert.NotNull(cmr);
        Assert.Null(state.AcceptedRegistration(acquisition, ModelSet.Ct));

        var ctId = new Guid("c7000000-0000-4000-8000-000000000002");
        var proposed = Assert.IsType<RegistrationProposed>(Accepted(CtProposal(state, ctId), state));
        Assert.Equal(ModelSet.Ct, proposed.ModelSet);
        state = ProcedureEvolution.Evolve(state, proposed);
        var adjusted = new RigidPose(1, 2, 3, 40, 50, 60);
        state = ProcedureEvolution.Evolve(state, Accepted(new AcceptRegistration(DemoUsers.Cardiologist.Actor, At, ctId, adjusted), state));

        Assert.Equal(cmr, state.AcceptedRegistration(acquisition, ModelSet.Cmr));
        var ct = state.AcceptedRegistration(acquisition, ModelSet.Ct)!;
        Assert.Equal(ctId, ct.RegistrationId);
        Assert.Equal(adjusted, ct.Pose);
    }

    [Fact]
    public void CT_landmarks_need_a_CT_model()
    {
        var state = DemoHistory.Before("Registration accepted");
        var landmarks = CodecTests.OneOfEach().OfType<FluoroscopyLandmarksMarked>().Single().Landmarks;
        var mark = new MarkFluoroscopyLandmarks(DemoUsers.Operator.Actor, At, state.Acquisitions[0].AcquisitionId, landmarks, ModelSet.Ct);
        AssertRejected(mark, state, "registration.requires_ct_model", "CT model");
        var marked = Assert.IsType<FluoroscopyLandmarksMarked>(Accepted(mark, WithCtStudy(state)));
        Assert.Equal(ModelSet.Ct, marked.ModelSet);
    }

    [Theory]
    [InlineData("registration_proposed", """{"by":{"user_id":"op.jansen","printed_name":"M. Jansen","role":"operator"},"occurred_at":"2026-03-10T09:45:00+00:00","registration_id":"5e1f0000-0000-4000-8000-00000000a200","acquisition_id":"5e1f0000-0000-4000-8000-00000000f100","method":"two_view_landmarks","pose":{"rotation_x_deg":2,"rotation_y_deg":-3,"rotation_z_deg":5,"translation_x_mm":4.5,"translation_y_mm":-2,"translation_z_mm":11},"score":0.91,"estimated_tre_mm":2.4,"algorithm":{"name":"demo.entered-values","version":"1","parameters":[{"name":"what","value":"two-view landmark fusion"}],"input_sha256":[],"output_sha256":"b2183dfcbd2743c44ed1990591645c11ec79fa2e1fb3a4894723dc08fed9a600"}}""")]
    [InlineData("fluoroscopy_landmarks_marked", """{"by":{"user_id":"op.jansen","printed_name":"M. Jansen","role":"operator"},"occurred_at":"2026-03-04T08:00:00+00:00","acquisition_id":"5e1f0000-0000-4000-8000-00000000f100","landmarks":[{"name":"cs-ostium","model_lps_mm":{"x":5,"y":6,"z":7},"picks":[{"view_index":0,"column_px":410,"row_px":380},{"view_index":1,"column_px":395,"row_px":402}]}]}""")]
    public void A_version_1_event_from_before_model_sets_reads_as_the_CMR_set(string eventType, string v1Json)
    {
        var decoded = ProcedureEventCodec.Decode(eventType, 1, v1Json);
        var set = decoded switch
        {
            RegistrationProposed p => p.ModelSet,
            FluoroscopyLandmarksMarked l => l.ModelSet,
            _ => throw new InvalidOperationException(eventType),
        };
        Assert.Equal(ModelSet.Cmr, set);
        Assert.Equal(2, ProcedureEventCodec.Encode(decoded).SchemaVersion);
    }

    [Fact]
    public void A_version_1_lead_measurement_names_its_CMR_registration_as_the_one_that_placed_the_phrenic_nerve()
    {
        const string v1 = """{"by":{"user_id":"op.jansen","printed_name":"M. Jansen","role":"operator"},"occurred_at":"2026-03-10T10:45:00+00:00","registration_id":"5e1f0000-0000-4000-8000-00000000a200","electrode":"LV2","electrode_lps_mm":{"x":48.2,"y":31.5,"z":12.9},"segment36":"36:24","segment18":"18:12","aha17":"17:12","categories":{"in36":"adjacent","in18":"within","in_aha17":"within"},"distance_to_target_mm":9.5,"distance_to_scar_mm":27,"distance_to_phrenic_nerve_mm":41}""";
        var lead = Assert.IsType<LeadPositionMeasured>(ProcedureEventCodec.Decode("lead_position_measured", 1, v1));
        Assert.Equal(new Guid("5e1f0000-0000-4000-8000-00000000a200"), lead.PhrenicNerveRegistrationId);
    }

    [Fact]
    public void A_phrenic_nerve_distance_must_name_an_accepted_registration()
    {
        var state = DemoHistory.Before("Lead position");
        var measure = DemoHistory.Command<MeasureLeadPosition>() with { PhrenicNerveRegistrationId = Guid.NewGuid() };
        AssertRejected(measure, state, "lead.requires_accepted_registration", "phrenic nerve");
    }
}
