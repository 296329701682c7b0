using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CartLedger.Domain.Quantities;

namespace CartLedger.Domain.Procedures.Storage;

/// <summary>An encoded event: stored name, schema version and UTF-8 JSON.</summary>
public sealed record EncodedEvent(string EventType, int SchemaVersion, byte[] Utf8Json)
{
    public string Json => Encoding.UTF8.GetString(Utf8Json);
}

/// <summary>
/// Encodes procedure events as deterministic JSON (System.Text.Json: snake_case names in declaration order, enums
/// as snake_case strings, quantities as bare numbers in the unit their name states, numbers round-trip exact and
/// culture-invariant, nulls written) and decodes them, upcasting older schema versions first. Decoding is strict:
/// an unknown or missing property, or a value out of range, fails with the event type named.
/// </summary>
public static class ProcedureEventCodec
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static EncodedEvent Encode(ProcedureEvent e)
    {
        var info = EventCatalog.Of(e);
        return new EncodedEvent(info.Name, info.SchemaVersion, JsonSerializer.SerializeToUtf8Bytes(e, info.ClrType, Options));
    }

    public static ProcedureEvent Decode(string eventType, int schemaVersion, ReadOnlySpan<byte> utf8Json)
    {
        var info = EventCatalog.Of(eventType);
        if (schemaVersion < 1 || schemaVersion > info.SchemaVersion)
        {
            throw new EventDecodingException(eventType, $"schema version {schemaVersion} is not between 1 and {info.SchemaVersion}");
        }
        try
        {
            if (schemaVersion == info.SchemaVersion)
            {
                return (ProcedureEvent)JsonSerializer.Deserialize(utf8Json, info.ClrType, Options)!;
            }
            var old = JsonNode.Parse(utf8Json) as JsonObject ?? throw new JsonException("the event is not a JSON object");
            var upcast = ProcedureUpcasters.Upcast(eventType, schemaVersion, info.SchemaVersion, old);
            return (ProcedureEvent)upcast.Deserialize(info.ClrType, Options)!;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new EventDecodingException(eventType, e.Message, e);
        }
    }

    public static ProcedureEvent Decode(string eventType, int schemaVersion, string json) =>
        Decode(eventType, schemaVersion, Encoding.UTF8.GetBytes(json));

    /// <summary>SHA-256 (lower-case hex) over "type/version\n" and the canonical JSON: what a signature links to (AT-11).</summary>
    public static string ContentSha256(ProcedureEvent e)
    {
        var encoded = Encode(e);
        var header = Encoding.UTF8.GetBytes($"{encoded.EventType}/{encoded.SchemaVersion}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. header, .. encoded.Utf8Json]));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new QuantityJsonConverterFactory());
        options.Converters.Add(new SegmentIdJsonConverter());
        options.Converters.Add(new ValueListJsonConverterFactory());
        options.Converters.Add(new NestedEventJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>A stored event that cannot be decoded; names the event type and the reason.</summary>
public sealed class EventDecodingException(string eventType, string reason, Exception? inner = null)
    : Exception($"cannot decode '{eventType}': {reason}", inner)
{
    public string EventType { get; } = eventType;
}
