namespace CartLedger.Domain.Values;

/// <summary>A point in DICOM patient coordinates (LPS), millimetres.</summary>
public readonly record struct Point3Mm(double X, double Y, double Z)
{
    public double X { get; } = double.IsFinite(X) ? X : throw new ArgumentOutOfRangeException(nameof(X), X, "coordinate must be finite (mm)");
    public double Y { get; } = double.IsFinite(Y) ? Y : throw new ArgumentOutOfRangeException(nameof(Y), Y, "coordinate must be finite (mm)");
    public double Z { get; } = double.IsFinite(Z) ? Z : throw new ArgumentOutOfRangeException(nameof(Z), Z, "coordinate must be finite (mm)");
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
