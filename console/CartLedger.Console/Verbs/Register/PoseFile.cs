using System.Text.Json;
using System.Text.Json.Serialization;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Console.Verbs.Register;

/// <summary>One view's line in POSE.json: which file, its angles, its in-plane answer and metric.</summary>
public sealed record PoseView(string File, double PrimaryAngleDeg, double SecondaryAngleDeg, double TxMm, double TyMm, double RzDeg, double? MetricValue, double? QualityScore);

/// <summary>One landmark pick's residual in POSE.json.</summary>
public sealed record PoseResidual(string Name, int View, double ResidualPx, double ResidualMm);

/// <summary>
/// POSE.json: the rigid transform from model to patient LPS (mm) as a row-major 4x4, how it was found and how far to
/// trust it. `register --init` reads <see cref="ModelToPatientLps"/> back, so one run's answer can start the next.
/// </summary>
public sealed record PoseFile(
    string Algorithm,
    string Method,
    int DegreesOfFreedom,
    IReadOnlyList<double> ModelToPatientLps,
    IReadOnlyList<PoseView> Views,
    double? MetricValue,
    double? QualityScore,
    bool LikelyFailure,
    IReadOnlyList<PoseResidual>? LandmarkResiduals = null,
    IReadOnlyList<string>? Warnings = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public RigidTransform Pose => RigidTransform.FromMatrix4x4(ModelToPatientLps);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The pose of a POSE.json (only modelToPatientLps is required), or a one-line reason naming the file.</summary>
    public static RigidTransform ReadPose(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--init: {path} does not exist");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("modelToPatientLps", out var matrix) || matrix.ValueKind != JsonValueKind.Array)
            {
                throw new CommandFailedException($"{path}: no modelToPatientLps array (16 numbers, row-major 4x4)");
            }
            var values = matrix.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            if (values.Length != 16)
            {
                throw new CommandFailedException($"{path}: modelToPatientLps has {values.Length} numbers, expected 16");
            }
            return RigidTransform.FromMatrix4x4(values);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new CommandFailedException($"{path}: not a pose file ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
