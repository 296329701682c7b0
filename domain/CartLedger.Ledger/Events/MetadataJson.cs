using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CartLedger.Ledger.Events;

/// <summary>
/// The stored JSON of <see cref="EventMetadata"/>: written field by field in a fixed order (the text is hashed
/// as stored), read back tolerantly (optional fields may be absent).
/// </summary>
public static class MetadataJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(EventMetadata metadata)
    {
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("actor");
            json.WriteString("id", metadata.Actor.Id);
            json.WriteString("name", metadata.Actor.Name);
            json.WriteString("role", metadata.Actor.Role.ToStoredName());
            json.WriteEndObject();
            json.WriteString("terminal", metadata.Terminal);
            json.WriteString("correlationId", metadata.CorrelationId);
            if (metadata.CausationId is { } causation)
            {
                json.WriteString("causationId", causation);
            }
            json.WriteString("softwareVersion", metadata.SoftwareVersion);
            if (metadata.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }
            if (metadata.Computation is { } computation)
            {
                WriteComputation(json, computation);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static EventMetadata Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var actor = root.GetProperty("actor");
        return new EventMetadata(
            new Actor(actor.GetProperty("id").GetString()!, actor.GetProperty("name").GetString()!, ActorRoles.Parse(actor.GetProperty("role").GetString()!)),
            root.GetProperty("terminal").GetString()!,
            root.GetProperty("correlationId").GetGuid(),
            root.TryGetProperty("causationId", out var causation) ? causation.GetGuid() : null,
            root.GetProperty("softwareVersion").GetString()!)
        {
            Reason = root.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
            Computation = root.TryGetProperty("computation", out var computation) ? ReadComputation(computation) : null,
        };
    }

    private static void WriteComputation(Utf8JsonWriter json, Computation computation)
    {
        json.WriteStartObject("computation");
        json.WriteString("algorithm", computation.AlgorithmName);
        json.WriteString("version", computation.AlgorithmVersion);
        json.WritePropertyName("parameters");
        json.WriteRawValue(computation.ParametersJson);
        json.WriteStartArray("inputs");
        foreach (var input in computation.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Name);
            json.WriteString("sha256", input.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (computation.OutputSha256 is { } output)
        {
            json.WriteString("outputSha256", output);
        }
        json.WriteEndObject();
    }

    private static Computation ReadComputation(JsonElement element) =>
        new(element.GetProperty("algorithm").GetString()!,
            element.GetProperty("version").GetString()!,
            element.GetProperty("parameters").GetRawText(),
            [.. element.GetProperty("inputs").EnumerateArray().Select(i => new ComputationInput(i.GetProperty("name").GetString()!, i.GetProperty("sha256").GetString()!))],
            element.TryGetProperty("outputSha256", out var output) ? output.GetString() : null);
}
