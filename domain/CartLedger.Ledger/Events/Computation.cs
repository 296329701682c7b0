using System.Text.Json;

namespace CartLedger.Ledger.Events;

/// <summary>
/// What a computed event needs for re-execution (IEC 62304 §5.8, audit item AT-26): the algorithm and its
/// version, its parameters, the hashes of every input and the hash of the output.
/// </summary>
public sealed record Computation
{
    public Computation(string algorithmName, string algorithmVersion, string parametersJson, IReadOnlyList<ComputationInput> inputs, string? outputSha256)
    {
        AlgorithmName = Require.Text(algorithmName, "algorithm name");
        AlgorithmVersion = Require.Text(algorithmVersion, "algorithm version");
        ParametersJson = RequireObject(parametersJson);
        Inputs = [.. inputs];
        OutputSha256 = outputSha256 is null ? null : Require.Sha256Hex(outputSha256, "output hash");
    }

    public string AlgorithmName { get; }
    public string AlgorithmVersion { get; }

    /// <summary>The parameters as a JSON object (kept as text so the record stays immutable).</summary>
    public string ParametersJson { get; }

    public IReadOnlyList<ComputationInput> Inputs { get; }
    public string? OutputSha256 { get; }

    /// <summary>Convenience: serialises <paramref name="parameters"/> (an anonymous object or a record) to JSON.</summary>
    public static Computation Create<TParameters>(string algorithmName, string algorithmVersion, TParameters parameters,
        IReadOnlyList<ComputationInput> inputs, string? outputSha256) =>
        new(algorithmName, algorithmVersion, JsonSerializer.Serialize(parameters, JsonOptions), inputs, outputSha256);

    public bool Equals(Computation? other) =>
        other is not null && AlgorithmName == other.AlgorithmName && AlgorithmVersion == other.AlgorithmVersion
        && ParametersJson == other.ParametersJson && Inputs.SequenceEqual(other.Inputs) && OutputSha256 == other.OutputSha256;

    public override int GetHashCode() => HashCode.Combine(AlgorithmName, AlgorithmVersion, ParametersJson, Inputs.Count, OutputSha256);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string RequireObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? json
            : throw new ArgumentException($"algorithm parameters must be a JSON object, not {document.RootElement.ValueKind}");
    }
}

/// <summary>One input of a computation: what it is (e.g. "lge-series" or an event id) and its SHA-256 (hex).</summary>
public sealed record ComputationInput
{
    public ComputationInput(string name, string sha256)
    {
        Name = Require.Text(name, "input name");
        Sha256 = Require.Sha256Hex(sha256, $"hash of input '{name}'");
    }

    public string Name { get; }
    public string Sha256 { get; }
}
