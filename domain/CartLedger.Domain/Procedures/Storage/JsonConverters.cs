using System.Text.Json;
using System.Text.Json.Serialization;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures.Storage;

/// <summary>Writes a segment as "model:number" ("36:17", "36:cap", "17:17"), readable in raw JSON and in SQL.</summary>
internal sealed class SegmentIdJsonConverter : JsonConverter<SegmentId>
{
    public override SegmentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("a segment is a string like \"36:17\"");
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var model) || !Enum.IsDefined((SegmentModelKind)model))
        {
            throw new JsonException($"'{text}' is not a segment (expected \"17|18|36:number\")");
        }
        var kind = (SegmentModelKind)model;
        var number = parts[1] == "cap" ? SegmentId.CapNumberOf(kind) : int.TryParse(parts[1], out var n) ? n : -1;
        try
        {
            return new SegmentId(kind, number);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, SegmentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>Reads and writes <see cref="ValueList{T}"/> as a JSON array.</summary>
internal sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonSerializer.Deserialize<T[]>(ref reader, options) ?? throw new JsonException("expected an array")).ToValueList();

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}

/// <summary>An event inside an event (a correction's replacement): {"event_type", "schema_version", "data"}, upcast on read.</summary>
internal sealed class NestedEventJsonConverter : JsonConverter<ProcedureEvent>
{
    public override ProcedureEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event_type", out var type) || !root.TryGetProperty("schema_version", out var version) || !root.TryGetProperty("data", out var data))
        {
            throw new JsonException("a nested event needs event_type, schema_version and data");
        }
        return ProcedureEventCodec.Decode(type.GetString()!, version.GetInt32(), data.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, ProcedureEvent value, JsonSerializerOptions options)
    {
        var encoded = ProcedureEventCodec.Encode(value);
        writer.WriteStartObject();
        writer.WriteString("event_type", encoded.EventType);
        writer.WriteNumber("schema_version", encoded.SchemaVersion);
        writer.WritePropertyName("data");
        writer.WriteRawValue(encoded.Utf8Json, skipInputValidation: true);
        writer.WriteEndObject();
    }
}
