using System.Globalization;
using System.Text.Json;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.CtStructures;

/// <summary>
/// Reads 3D Slicer markups JSON (.mrk.json, what Slicer users export since 4.11): a "markups" array whose items have a
/// "type" (Curve, ClosedCurve, Fiducial...), a "coordinateSystem" (LPS, Slicer's file default, or RAS), "coordinateUnits"
/// (mm) and "controlPoints" with "position" [x, y, z]. Points are returned in LPS (RAS is converted by negating x and y).
/// Anything that cannot be the requested structure is refused with the reason: unreadable JSON, no markups, an unknown
/// coordinate system or unit, an empty curve, undefined points, or points outside the CT volume they claim to lie in.
/// </summary>
public static class SlicerMarkups
{
    /// <summary>How far outside the CT volume a traced point may lie and still be in its frame (a nerve traced at the edge).</summary>
    public const double VolumeMarginMm = 10;

    /// <summary>The phrenic nerve: the first curve (or point list) of the file, at least two defined points, ordered as traced.</summary>
    public static IReadOnlyList<Vec3> ReadCurve(string json, string source, VolumeGeometry? ct = null)
    {
        var markup = FirstMarkup(json, source, ["Curve", "ClosedCurve", "Fiducial"]);
        var points = Points(markup, source);
        if (points.Count < 2)
        {
            throw new MarkupsRejectedException($"{source}: the curve has {points.Count} defined control point{(points.Count == 1 ? "" : "s")}; a phrenic nerve path needs at least 2 (empty curve?)");
        }
        RequireInside(points, ct, source);
        return points;
    }

    /// <summary>The coronary sinus ostium: a point list with exactly one defined point.</summary>
    public static Vec3 ReadPoint(string json, string source, VolumeGeometry? ct = null)
    {
        var markup = FirstMarkup(json, source, ["Fiducial"]);
        var points = Points(markup, source);
        if (points.Count != 1)
        {
            throw new MarkupsRejectedException($"{source}: the ostium markup has {points.Count} defined points; mark exactly one");
        }
        RequireInside(points, ct, source);
        return points[0];
    }

    private static JsonElement FirstMarkup(string json, string source, string[] types)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MarkupsRejectedException($"{source}: not markups JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("markups", out var markups) || markups.ValueKind != JsonValueKind.Array || markups.GetArrayLength() == 0)
        {
            throw new MarkupsRejectedException($"{source}: no \"markups\" array (a 3D Slicer .mrk.json file has one)");
        }
        foreach (var markup in markups.EnumerateArray())
        {
            var type = markup.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            if (types.Contains(type, StringComparer.Ordinal))
            {
                return markup.Clone();
            }
        }
        var found = string.Join(", ", markups.EnumerateArray().Select(m => m.TryGetProperty("type", out var t) ? t.GetString() : "?"));
        throw new MarkupsRejectedException($"{source}: no markup of type {string.Join(" or ", types)} (found: {found})");
    }

    private static List<Vec3> Points(JsonElement markup, string source)
    {
        var system = markup.TryGetProperty("coordinateSystem", out var cs) ? cs.GetString() ?? "LPS" : "LPS";
        if (system is not ("LPS" or "RAS"))
        {
            throw new MarkupsRejectedException($"{source}: coordinateSystem \"{system}\" is neither LPS nor RAS");
        }
        var units = markup.TryGetProperty("coordinateUnits", out var cu) ? cu.GetString() ?? "mm" : "mm";
        if (units != "mm")
        {
            throw new MarkupsRejectedException($"{source}: coordinateUnits \"{units}\"; only mm is accepted");
        }
        if (!markup.TryGetProperty("controlPoints", out var controlPoints) || controlPoints.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var points = new List<Vec3>();
        var index = 0;
        foreach (var point in controlPoints.EnumerateArray())
        {
            index++;
            var status = point.TryGetProperty("positionStatus", out var s) ? s.GetString() : "defined";
            if (status is not "defined")
            {
                continue;
            }
            if (!point.TryGetProperty("position", out var position) || position.ValueKind != JsonValueKind.Array || position.GetArrayLength() != 3
                || position.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                throw new MarkupsRejectedException($"{source}: control point {index.ToString(CultureInfo.InvariantCulture)} has no numeric [x, y, z] position");
            }
            var xyz = position.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            if (xyz.Any(v => !double.IsFinite(v)))
            {
                throw new MarkupsRejectedException($"{source}: control point {index.ToString(CultureInfo.InvariantCulture)} has a non-finite coordinate");
            }
            points.Add(system == "RAS" ? new Vec3(-xyz[0], -xyz[1], xyz[2]) : new Vec3(xyz[0], xyz[1], xyz[2]));
        }
        return points;
    }

    private static void RequireInside(IReadOnlyList<Vec3> points, VolumeGeometry? ct, string source)
    {
        if (ct is null)
        {
            return;
        }
        for (var i = 0; i < points.Count; i++)
        {
            var index = ct.ToIndex(points[i]);
            var outside = Outside(index.X, ct.SizeI, ct.SpacingMm.X) || Outside(index.Y, ct.SizeJ, ct.SpacingMm.Y) || Outside(index.Z, ct.SizeK, ct.SpacingMm.Z);
            if (outside)
            {
                throw new MarkupsRejectedException($"{source}: point {i + 1} at {points[i]} mm lies outside the CT volume: traced in another frame of reference (or another scan)?");
            }
        }
    }

    private static bool Outside(double index, int size, double spacingMm) =>
        index < -VolumeMarginMm / spacingMm || index > size - 1 + VolumeMarginMm / spacingMm;
}
