using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;

namespace CartLedger.Ledger.Tests.Support;

/// <summary>Procedure-shaped sample events and metadata for tests.</summary>
public static class Sample
{
    public const string StreamType = "crt_procedure";

    public static EventMetadata Metadata(ActorRole role = ActorRole.Cardiologist, Guid? correlationId = null) =>
        new(new Actor("u-1042", "Dr. Ana Souza", role), "cathlab-2", correlationId ?? Guid.NewGuid(), null, "0.1.0-test");

    public static NewEvent Event(string type = "lead_position_measured", string? data = null, ActorRole role = ActorRole.Cardiologist, DateTimeOffset? occurredAt = null) =>
        new(Guid.NewGuid(), type, 1, data ?? """{"segment36":14,"distanceToTargetMm":8.5,"category":"adjacent"}""", Metadata(role), occurredAt);

    public static IReadOnlyList<NewEvent> Events(int count, string type = "note_recorded") =>
        [.. Enumerable.Range(1, count).Select(i => Event(type, $$"""{"n":{{i}},"text":"note {{i}}"}"""))];

    public static AppendRequest Append(Guid streamId, ExpectedVersion expected, params NewEvent[] events) =>
        new(streamId, StreamType, expected, Guid.NewGuid(), events);

    public static AppendRequest Append(Guid streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events) =>
        new(streamId, StreamType, expected, Guid.NewGuid(), events);
}
