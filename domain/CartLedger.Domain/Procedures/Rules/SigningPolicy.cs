using CartLedger.Domain.Access;

namespace CartLedger.Domain.Procedures.Rules;

/// <summary>
/// Which roles may sign which stored event type (AT-16), and the rules on meaning: approval is a cardiologist's;
/// "authored" only by the event's author; "reviewed" never by its author (an independent review, AT-24).
/// Workers never sign; signatures are not themselves signed.
/// </summary>
public static class SigningPolicy
{
    private static readonly Role[] Staff = [Role.Operator, Role.Cardiologist];
    private static readonly Role[] Imaging = [Role.Analyst, Role.Cardiologist];
    private static readonly Role[] Cardiologist = [Role.Cardiologist];

    /// <summary>The roles that may sign an event of this stored type (empty: not signable).</summary>
    public static IReadOnlyList<Role> SignerRoles(string eventType) => eventType switch
    {
        "procedure_opened" or "fluoroscopy_acquired" or "registration_proposed" or "registration_rejected" or
            "lead_position_measured" or "lead_electrical_measured" or "fluoroscopy_landmarks_marked" or "electrode_marked" or "fluoroscopy_overlays_rendered" or "deviation_recorded" or "procedure_metrics_recorded" => Staff,
        "study_imported" => [Role.Operator, Role.Analyst],
        "myocardium_segmented" or "contours_adjusted" or "scar_segmented" or "scar_edited" or "mechanical_activation_mapped" or
            "phrenic_nerve_traced" or "coronary_sinus_ostium_marked" or "epicardial_mesh_built" or "targets_proposed" or
            "treatment_files_exported" or "follow_up_recorded" or "computation_failed" => Imaging,
        "target_chosen" or "registration_accepted" or "guidance_feedback_recorded" or "procedure_completed" => Cardiologist,
        "correction_recorded" => [Role.Operator, Role.Cardiologist, Role.Analyst],
        _ => [],
    };

    /// <summary>Null when <paramref name="signer"/> may sign with <paramref name="meaning"/>; otherwise why not.</summary>
    public static string? RefusalFor(string eventType, string authorUserId, Actor signer, SignatureMeaning meaning)
    {
        var roles = SignerRoles(eventType);
        if (roles.Count == 0)
        {
            return $"'{eventType}' events are not signed";
        }
        if (!roles.Contains(signer.Role))
        {
            return $"{WithArticle(signer.Role)} may not sign '{eventType}' (allowed: {string.Join(", ", roles.Select(Describe))})";
        }
        return meaning switch
        {
            SignatureMeaning.Approved when signer.Role != Role.Cardiologist => "only a cardiologist may approve",
            SignatureMeaning.Authored when signer.UserId != authorUserId => "only the author of an entry may sign it as authored",
            SignatureMeaning.Reviewed when signer.UserId == authorUserId => "a review must be signed by someone other than the author",
            _ => null,
        };
    }

    public static string Describe(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>"an analyst", "a cardiologist": for messages.</summary>
    public static string WithArticle(Role role) => Describe(role) is var name && "aeiou".Contains(name[0]) ? $"an {name}" : $"a {name}";
}
