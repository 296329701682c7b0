using System.Text.Json.Nodes;
using CartLedger.Ledger.Upcasting;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>
/// A real schema change, shown by the demo: <c>lead_position_measured</c> v1 stored the lead's segment in the
/// 18-segment model only and an unlabelled distance (<c>{"segment18":7,"distanceMm":9.1}</c>); v2 names the
/// segment model (36-segment results came with seed 2) and the unit (<c>{"segment":{"model":"18","id":7},
/// "distanceToTargetMm":9.1}</c>). Old events stay as stored; readers see v2.
/// </summary>
public static class LegacyLeadPosition
{
    public const string EventType = "lead_position_measured";

    public static UpcasterRegistry Upcasters { get; } = UpcasterRegistry.Empty.With(EventType, 1, V1ToV2);

    public static JsonObject V1ToV2(JsonObject v1) => new()
    {
        ["segment"] = new JsonObject { ["model"] = "18", ["id"] = v1["segment18"]?.DeepClone() },
        ["distanceToTargetMm"] = v1["distanceMm"]?.DeepClone(),
    };
}
