using System.Globalization;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// A DICOM attribute tag (group, element). Prints as "Keyword (gggg,eeee)" when the keyword is known, so
/// every error message names the attribute the way both people and the standard do.
/// </summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    public uint Value => ((uint)Group << 16) | Element;

    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)(value & 0xFFFF));

    /// <summary>The standard keyword, or null for a tag outside the small dictionary this project uses.</summary>
    public string? Keyword => DicomDictionary.KeywordOf(this);

    /// <summary>"(0020,0032)".</summary>
    public string Numbers => string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");

    public bool IsPrivate => (Group & 1) == 1;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator <(DicomTag a, DicomTag b) => a.Value < b.Value;
    public static bool operator >(DicomTag a, DicomTag b) => a.Value > b.Value;
    public static bool operator <=(DicomTag a, DicomTag b) => a.Value <= b.Value;
    public static bool operator >=(DicomTag a, DicomTag b) => a.Value >= b.Value;

    public override string ToString() => Keyword is { } keyword ? $"{keyword} {Numbers}" : Numbers;

    /// <summary>Parses "(0020,0032)", "0020,0032" or "00200032".</summary>
    public static DicomTag Parse(string text)
    {
        var digits = text.Trim().Trim('(', ')').Replace(",", "", StringComparison.Ordinal);
        if (digits.Length != 8 || !uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a DICOM tag (expected gggg,eeee in hexadecimal).");
        }
        return FromValue(value);
    }
}
