using System.Text.Json.Serialization;

namespace CartLedger.Domain.Values;

/// <summary>A point in DICOM patient coordinates (LPS), millimetres; every coordinate finite.</summary>
public readonly record struct Point3Mm
{
    // Explicit and marked for System.Text.Json: a struct would otherwise be read through its implicit
    // parameterless constructor, leaving get-only coordinates silently at zero.
    [JsonConstructor]
    public Point3Mm(double x, double y, double z)
    {
        X = Finite(x, nameof(x));
        Y = Finite(y, nameof(y));
        Z = Finite(z, nameof(z));
    }

    public double X { get; }
    public double Y { get; }
    public double Z { get; }

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "coordinate must be finite (mm)");
}

/// <summary>A rigid pose: rotations about the patient axes (degrees, applied X then Y then Z) and a translation (mm, LPS).</summary>
public sealed record RigidPose(double RotationXDeg, double RotationYDeg, double RotationZDeg, double TranslationXMm, double TranslationYMm, double TranslationZMm);

/// <summary>
/// What every computed event records so an auditor can re-execute it (ARCHITECTURE.md, AT-26): algorithm name and
/// version, parameters (sorted by name), the SHA-256 of every input and of the output.
/// </summary>
public sealed record AlgorithmInfo(string Name, string Version, ValueList<AlgorithmParameter> Parameters, ValueList<string> InputSha256, string OutputSha256);

/// <summary>One named algorithm parameter, its value written invariantly.</summary>
public sealed record AlgorithmParameter(string Name, string Value);
