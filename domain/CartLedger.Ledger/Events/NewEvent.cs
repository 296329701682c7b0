using System.Text;
using System.Text.Json;

namespace CartLedger.Ledger.Events;

/// <summary>
/// An event to append: a stable stored type name (never a CLR name), its schema version, the JSON object of its
/// data, its metadata and, when the user states one, the clinical time it happened (<see cref="OccurredAt"/>).
/// When the ledger recorded it is not an input: the database clock decides.
/// </summary>
public sealed record NewEvent
{
    public NewEvent(Guid eventId, string eventType, int schemaVersion, string data, EventMetadata metadata, DateTimeOffset? occurredAt = null)
    {
        EventId = Require.Id(eventId, "event id");
        EventType = Require.Text(eventType, "event type");
        SchemaVersion = schemaVersion > 0 ? schemaVersion : throw new ArgumentOutOfRangeException(nameof(schemaVersion), schemaVersion, "schema versions start at 1");
        Data = RequireJsonObject(data, eventType);
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        // PostgreSQL keeps microseconds: normalise here so the in-memory event equals the stored one.
        OccurredAt = occurredAt is { } at ? new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero) : null;
    }

    public Guid EventId { get; }
    public string EventType { get; }
    public int SchemaVersion { get; }

    /// <summary>The data as a JSON object; these exact characters are stored and hashed.</summary>
    public string Data { get; }

    public EventMetadata Metadata { get; }
    public DateTimeOffset? OccurredAt { get; }

    /// <summary>From a codec's UTF-8 JSON; invalid UTF-8 is refused rather than silently replaced.</summary>
    public static NewEvent FromUtf8(Guid eventId, string eventType, int schemaVersion, ReadOnlySpan<byte> utf8Json, EventMetadata metadata, DateTimeOffset? occurredAt = null) =>
        new(eventId, eventType, schemaVersion, StrictUtf8.GetString(utf8Json), metadata, occurredAt);

    private static string RequireJsonObject(string data, string eventType)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(data));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException($"data of event '{eventType}' must be a JSON object");
            }
            reader.Skip();
            _ = reader.Read(); // throws when anything but whitespace follows the object
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"data of event '{eventType}' is not valid JSON: {e.Message}", e);
        }
        return data;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
