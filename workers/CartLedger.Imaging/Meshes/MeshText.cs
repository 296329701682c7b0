using System.Globalization;

namespace CartLedger.Imaging.Meshes;

/// <summary>Number formatting and tokenising shared by the text mesh formats.</summary>
internal static class MeshText
{
    /// <summary>Shortest text that parses back to the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static double ParseNumber(string token, string file, int line) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{file}:{line}: '{token}' is not a number");

    public static int ParseIndex(string token, string file, int line) =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{file}:{line}: '{token}' is not an index");
}
