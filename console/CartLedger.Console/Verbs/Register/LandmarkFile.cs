using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;

namespace CartLedger.Console.Verbs.Register;

/// <summary>
/// L.json for `register --landmarks`: the model's landmarks (model mm), the picks (view index as given by the --xray
/// order, pixel column/row) and, optionally, the phrenic nerve (model mm) to draw on the overlay:
/// <code>
/// { "landmarks": [ { "name": "CS ostium", "model": [x, y, z] }, ... ],
///   "clicks":    [ { "name": "CS ostium", "view": 0, "pixel": [column, row] }, ... ],
///   "phrenicNerve": [ [x, y, z], ... ] }
/// </code>
/// </summary>
public sealed record LandmarkFile(IReadOnlyList<ModelLandmark> Landmarks, IReadOnlyList<LandmarkClick> Clicks, IReadOnlyList<Vec3> PhrenicNerve)
{
    public static LandmarkFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--landmarks: {path} does not exist");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var landmarks = Array(root, "landmarks", path).Select((l, i) => new ModelLandmark(Name(l, $"landmarks[{i}]", path), Point3(l.GetProperty("model"), $"landmarks[{i}].model", path))).ToArray();
            var clicks = Array(root, "clicks", path).Select((c, i) =>
            {
                var pixel = Numbers(c.GetProperty("pixel"), 2, $"clicks[{i}].pixel", path);
                return new LandmarkClick(Name(c, $"clicks[{i}]", path), c.GetProperty("view").GetInt32(), new Vec2(pixel[0], pixel[1]));
            }).ToArray();
            var nerve = root.TryGetProperty("phrenicNerve", out var n) && n.ValueKind == JsonValueKind.Array
                ? n.EnumerateArray().Select((p, i) => Point3(p, $"phrenicNerve[{i}]", path)).ToArray()
                : [];
            return new LandmarkFile(landmarks, clicks, nerve);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CommandFailedException($"{path}: not a landmark file ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>The model point of a landmark whose name contains <paramref name="fragment"/> (case-insensitive), if any.</summary>
    public Vec3? Find(string fragment) =>
        Landmarks.FirstOrDefault(l => l.Name.Replace(" ", "", StringComparison.Ordinal).Contains(fragment, StringComparison.OrdinalIgnoreCase))?.ModelPoint;

    private static IEnumerable<JsonElement> Array(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : throw new CommandFailedException($"{path}: no '{name}' array");

    private static string Name(JsonElement e, string where, string path) =>
        e.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } s ? s : throw new CommandFailedException($"{path}: {where} has no name");

    private static Vec3 Point3(JsonElement e, string where, string path)
    {
        var v = Numbers(e, 3, where, path);
        return new Vec3(v[0], v[1], v[2]);
    }

    private static double[] Numbers(JsonElement e, int count, string where, string path)
    {
        var values = e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [];
        return values.Length == count && values.All(double.IsFinite) ? values : throw new CommandFailedException($"{path}: {where} must be {count} finite numbers");
    }
}
