namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Why a file or a series could not be used: the file, the attribute when one is to blame, and the reason.
/// Never carries attribute values that could identify a patient.
/// </summary>
public sealed record DicomProblem(string File, DicomTag? Tag, string Message)
{
    public override string ToString() => Tag is { } tag ? $"{File}: {tag}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown where a single file is read and something about it is wrong (see <see cref="Problem"/>).</summary>
public sealed class DicomReadException(DicomProblem problem) : Exception(problem.ToString())
{
    public DicomProblem Problem { get; } = problem;
}
