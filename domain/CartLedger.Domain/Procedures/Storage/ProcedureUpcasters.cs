using System.Text.Json.Nodes;

namespace CartLedger.Domain.Procedures.Storage;

/// <summary>One JSON transform from an event's schema version <see cref="FromVersion"/> to the next.</summary>
public sealed record Upcaster(string EventType, int FromVersion, Func<JsonObject, JsonObject> Transform);

/// <summary>
/// Upcasters for procedure events, as plain JSON transforms keyed by stored name and from-version, for the ledger's
/// upcaster registry and for <see cref="ProcedureEventCodec"/>. Each transform takes a copy it may change.
/// </summary>
public static class ProcedureUpcasters
{
    public static IReadOnlyList<Upcaster> All { get; } =
    [
        // follow_up_recorded v1 had no visit: every v1 record was the 6-month volumetric follow-up (seed 1's protocol).
        // v2 adds the visit (baseline, 2 or 6 months; seed 2 measured NT-proBNP at 2 months) and nests the values as "echo".
        new("follow_up_recorded", 1, v1 => new JsonObject
        {
            ["by"] = v1["by"]?.DeepClone(),
            ["occurred_at"] = v1["occurred_at"]?.DeepClone(),
            ["visit"] = "six_months",
            ["echo"] = new JsonObject
            {
                ["lvesv_ml"] = v1["lvesv_ml"]?.DeepClone(),
                ["lvedv_ml"] = v1["lvedv_ml"]?.DeepClone(),
                ["lvef_percent"] = v1["lvef_percent"]?.DeepClone(),
                ["nt_pro_bnp_pg_ml"] = v1["nt_pro_bnp_pg_ml"]?.DeepClone(),
            },
        }),
        // treatment_files_exported v1 did not say which scar the files show; v2 adds "scar" (null: unknown, as for v1).
        new("treatment_files_exported", 1, v1 =>
        {
            v1["scar"] = null;
            return v1;
        }),
        // registration_proposed and fluoroscopy_landmarks_marked v1 knew one model, the CMR's; v2 names the model set.
        new("registration_proposed", 1, v1 => WithModelSet(v1)),
        new("fluoroscopy_landmarks_marked", 1, v1 => WithModelSet(v1)),
        // lead_position_measured v1 did not say which registration placed the phrenic nerve: it was the CMR one it names.
        new("lead_position_measured", 1, v1 =>
        {
            v1["phrenic_nerve_registration_id"] = v1["registration_id"]?.DeepClone();
            return v1;
        }),
    ];

    private static JsonObject WithModelSet(JsonObject v1)
    {
        v1["model_set"] = "cmr";
        return v1;
    }

    /// <summary>Applies every upcaster from <paramref name="fromVersion"/> up to <paramref name="toVersion"/>.</summary>
    public static JsonObject Upcast(string eventType, int fromVersion, int toVersion, JsonObject json)
    {
        var current = json;
        for (var version = fromVersion; version < toVersion; version++)
        {
            var step = All.SingleOrDefault(u => u.EventType == eventType && u.FromVersion == version)
                ?? throw new InvalidOperationException($"no upcaster for {eventType} from schema version {version} to {version + 1}");
            current = step.Transform(current);
        }
        return current;
    }
}
