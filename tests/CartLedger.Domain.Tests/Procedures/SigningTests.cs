using CartLedger.Domain.Access;
using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Procedures.Storage;
using static CartLedger.Domain.Tests.Procedures.Rejections;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>AT-10/11/16: who may sign what, with which meaning; every cell of the table.</summary>
public class SigningTests
{
    // O operator, C cardiologist, A analyst: who may sign each stored event type.
    private static readonly Dictionary<string, string> Signers = new()
    {
        ["procedure_opened"] = "OC",
        ["study_imported"] = "OA",
        ["myocardium_segmented"] = "AC",
        ["contours_adjusted"] = "AC",
        ["scar_segmented"] = "AC",
        ["scar_edited"] = "AC",
        ["mechanical_activation_mapped"] = "AC",
        ["phrenic_nerve_traced"] = "AC",
        ["coronary_sinus_ostium_marked"] = "AC",
        ["epicardial_mesh_built"] = "AC",
        ["targets_proposed"] = "AC",
        ["target_chosen"] = "C",
        ["treatment_files_exported"] = "AC",
        ["fluoroscopy_acquired"] = "OC",
        ["registration_proposed"] = "OC",
        ["registration_accepted"] = "C",
        ["registration_rejected"] = "OC",
        ["lead_position_measured"] = "OC",
        ["lead_electrical_measured"] = "OC",
        ["deviation_recorded"] = "OC",
        ["procedure_metrics_recorded"] = "OC",
        ["guidance_feedback_recorded"] = "C",
        ["procedure_completed"] = "C",
        ["follow_up_recorded"] = "AC",
        ["record_signed"] = "",
        ["correction_recorded"] = "OCA",
        ["fluoroscopy_landmarks_marked"] = "OC",
        ["electrode_marked"] = "OC",
        ["fluoroscopy_overlays_rendered"] = "OC",
        ["computation_failed"] = "AC",
    };

    private static readonly Role[] Letters = [Role.Operator, Role.Cardiologist, Role.Analyst];

    [Fact]
    public void The_signing_table_covers_every_stored_event_type()
    {
        Assert.Equal(EventCatalog.All.Select(e => e.Name).Order(), Signers.Keys.Order());
        foreach (var (type, letters) in Signers)
        {
            Assert.Equal(letters.Select(l => Letters["OCA".IndexOf(l, StringComparison.Ordinal)]).Order(), SigningPolicy.SignerRoles(type).Order());
        }
    }

    [Fact]
    public void Every_entry_role_meaning_and_authorship_combination_is_decided_as_the_rules_say()
    {
        var (_, state) = DemoHistory.Run();
        var cells = 0;
        foreach (var entry in state.Entries)
        {
            var typeForRules = entry.CorrectsEventType ?? entry.EventType;
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var meaning in Enum.GetValues<SignatureMeaning>())
                {
                    foreach (var isAuthor in new[] { false, true })
                    {
                        var signer = new Actor(isAuthor ? entry.AuthorUserId : $"signer-{role}", "Test Signer", role);
                        var expected = Expect(typeForRules, role, meaning, isAuthor);
                        var outcome = Outcome(new SignRecord(signer, DemoHistory.Now, entry.Version, meaning), state);
                        if (expected is null && outcome is "signature.duplicate")
                        {
                            continue; // the demo already holds this exact signature
                        }
                        Assert.True(expected == outcome, $"entry {entry.Version} {entry.EventType}, {role}, {meaning}, author={isAuthor}: expected {expected ?? "accepted"}, got {outcome ?? "accepted"}");
                        cells++;
                    }
                }
            }
        }
        Assert.True(cells > 900, $"only {cells} cells checked");
    }

    private static string? Expect(string eventType, Role role, SignatureMeaning meaning, bool isAuthor)
    {
        if (role is Role.Auditor or Role.Researcher)
        {
            return "access.read_only_role";
        }
        if (role == Role.Worker)
        {
            return "access.role_not_allowed";
        }
        var allowed = Signers[eventType].Contains("OCA"[Array.IndexOf(Letters, role)]);
        var meaningOk = meaning switch
        {
            SignatureMeaning.Approved => role == Role.Cardiologist,
            SignatureMeaning.Authored => isAuthor,
            _ => !isAuthor,
        };
        return allowed && meaningOk ? null : "signature.not_allowed";
    }

    private static string? Outcome(SignRecord command, ProcedureState state)
    {
        try
        {
            ProcedureDecider.Decide(command, state, DemoHistory.Now);
            return null;
        }
        catch (ProcedureRejectedException e)
        {
            return e.Rule;
        }
    }

    [Fact]
    public void A_signature_records_printed_name_meaning_system_time_and_the_hash_of_the_signed_entry()
    {
        var (events, state) = DemoHistory.Run();
        var signature = events.OfType<RecordSigned>().First();
        Assert.Equal(11, signature.SignedVersion);
        Assert.Equal("target_chosen", signature.SignedEventType);
        Assert.Equal(ProcedureEventCodec.ContentSha256(events[10]), signature.SignedContentSha256);
        Assert.Equal(DemoUsers.Cardiologist.PrintedName, signature.By.PrintedName);
        Assert.Equal(SignatureMeaning.Approved, signature.Meaning);
        Assert.Equal(DemoHistory.Now, signature.OccurredAt);
        Assert.Equal(state.Entries[10].ContentSha256, signature.SignedContentSha256);
    }

    [Fact]
    public void Altering_a_signed_entry_changes_its_hash_so_the_signature_no_longer_matches()
    {
        var (events, _) = DemoHistory.Run();
        var signature = events.OfType<RecordSigned>().First();
        var tampered = ((TargetChosen)events[10]) with { OverrideReason = "inserted later" };
        Assert.NotEqual(signature.SignedContentSha256, ProcedureEventCodec.ContentSha256(tampered));
    }

    [Fact]
    public void Signing_a_missing_entry_or_twice_is_rejected()
    {
        var (_, state) = DemoHistory.Run();
        var cardiologist = DemoUsers.Cardiologist.Actor;
        AssertRejected(new SignRecord(cardiologist, DemoHistory.Now, 99, SignatureMeaning.Approved), state, "signature.no_such_entry", "no entry 99");
        AssertRejected(new SignRecord(cardiologist, DemoHistory.Now, 11, SignatureMeaning.Approved), state, "signature.duplicate", "already carries");
        AssertRejected(new SignRecord(cardiologist, DemoHistory.Now, 22, SignatureMeaning.Approved), state, "signature.not_allowed", "'record_signed' events are not signed");
    }
}
