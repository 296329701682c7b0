using System.Diagnostics.CodeAnalysis;

namespace CartLedger.Imaging.Dicom;

/// <summary>Required numeric attributes, read with a problem that names the file and the tag when they are unusable.</summary>
internal static class DicomValues
{
    public static bool TryDecimals(DicomAttributes attributes, DicomTag tag, int count, string file, [NotNullWhen(true)] out double[]? values, [NotNullWhen(false)] out DicomProblem? problem)
    {
        values = null;
        var text = attributes.Text(tag);
        if (text is null)
        {
            problem = new DicomProblem(file, tag, "missing");
            return false;
        }
        if (text.Trim().Length == 0)
        {
            problem = new DicomProblem(file, tag, "present but empty");
            return false;
        }
        if (!DicomNumbers.TryParseDecimals(text, out var parsed))
        {
            problem = new DicomProblem(file, tag, $"is not numeric: '{Shorten(text)}'");
            return false;
        }
        if (parsed.Length != count)
        {
            problem = new DicomProblem(file, tag, $"has {parsed.Length} values, expected {count}");
            return false;
        }
        values = parsed;
        problem = null;
        return true;
    }

    public static bool TryPositive(DicomAttributes attributes, DicomTag tag, int count, string file, [NotNullWhen(true)] out double[]? values, [NotNullWhen(false)] out DicomProblem? problem)
    {
        if (!TryDecimals(attributes, tag, count, file, out values, out problem))
        {
            return false;
        }
        if (values.Any(v => !(v > 0)))
        {
            problem = new DicomProblem(file, tag, $"must be positive, got {string.Join('\\', values)}");
            values = null;
            return false;
        }
        return true;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
