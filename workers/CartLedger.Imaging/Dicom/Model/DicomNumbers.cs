using System.Globalization;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Text forms of numbers for DS (decimal string, at most 16 characters) and IS (integer string, at most 12).
/// DS keeps as many significant digits as fit: positions round-trip to far better than 1e-3 mm.
/// </summary>
public static class DicomNumbers
{
    public static string FormatDecimal(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"A DICOM decimal string cannot hold {value}.");
        }
        if (value == 0)
        {
            return "0";
        }
        for (var digits = 16; digits >= 1; digits--)
        {
            var text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Length <= 16)
            {
                return text;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit a 16-character DICOM decimal string.");
    }

    public static string FormatInteger(long value)
    {
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"A DICOM integer string holds 32-bit values, got {value}.");
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Parses one DS/IS component leniently (surrounding spaces, a leading '+'), as real files need.</summary>
    public static bool TryParseDecimal(string text, out double value) =>
        double.TryParse(text.Trim().TrimEnd('\0'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses a backslash-separated list of decimals; false when any component is not a number.</summary>
    public static bool TryParseDecimals(string text, out double[] values)
    {
        var parts = text.Split('\\');
        values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParseDecimal(parts[i], out values[i]))
            {
                values = [];
                return false;
            }
        }
        return true;
    }
}
