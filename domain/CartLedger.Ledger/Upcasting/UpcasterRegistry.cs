using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartLedger.Ledger.Upcasting;

/// <summary>
/// Pure JSON transforms from one schema version of an event type to the next, applied on read in order until
/// no further step is registered. Stored bytes never change (and stay what the hashes cover); readers see the
/// current shape. Immutable: <see cref="With"/> returns a new registry.
/// </summary>
public sealed class UpcasterRegistry
{
    private readonly ImmutableDictionary<(string EventType, int FromVersion), Func<JsonObject, JsonObject>> _steps;

    private UpcasterRegistry(ImmutableDictionary<(string, int), Func<JsonObject, JsonObject>> steps) => _steps = steps;

    public static UpcasterRegistry Empty { get; } = new(ImmutableDictionary<(string, int), Func<JsonObject, JsonObject>>.Empty);

    /// <summary>Adds the step <paramref name="fromVersion"/> → <paramref name="fromVersion"/> + 1 of <paramref name="eventType"/>.</summary>
    public UpcasterRegistry With(string eventType, int fromVersion, Func<JsonObject, JsonObject> upcast)
    {
        if (_steps.ContainsKey((eventType, fromVersion)))
        {
            throw new ArgumentException($"an upcaster for {eventType} v{fromVersion} is already registered");
        }
        return new(_steps.Add((eventType, fromVersion), upcast));
    }

    /// <summary>The version a stored event of this type and version is read as.</summary>
    public int CurrentVersion(string eventType, int storedVersion)
    {
        var version = storedVersion;
        while (_steps.ContainsKey((eventType, version)))
        {
            version++;
        }
        return version;
    }

    /// <summary>The data of a stored event in its current shape; the input text is returned unchanged when no step applies.</summary>
    public (int SchemaVersion, string Data) Upcast(string eventType, int storedVersion, string data)
    {
        if (!_steps.ContainsKey((eventType, storedVersion)))
        {
            return (storedVersion, data);
        }
        var json = JsonNode.Parse(data) as JsonObject ?? throw new JsonException($"stored data of {eventType} v{storedVersion} is not a JSON object");
        var version = storedVersion;
        while (_steps.TryGetValue((eventType, version), out var step))
        {
            json = step(json);
            version++;
        }
        return (version, json.ToJsonString());
    }
}
