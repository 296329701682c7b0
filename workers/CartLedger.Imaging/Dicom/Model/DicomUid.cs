using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Deterministic DICOM UIDs: "2.25." followed by the decimal of a 128-bit number (PS3.5 B.2), here the first
/// 16 bytes of a SHA-256 over the given parts. Same parts, same UID, on every machine and every run, so that
/// re-executed exports are byte-identical and auditors can recompute them.
/// </summary>
public static class DicomUid
{
    /// <summary>The UID of a list of parts (a seed, a role such as "study", a parent UID, an index...).</summary>
    public static string FromParts(params string[] parts)
    {
        var joined = string.Join('\u001f', parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        var number = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The UID of some content: its SHA-256 and a role that keeps different uses of the same bytes apart.</summary>
    public static string FromContent(string role, ReadOnlySpan<byte> content) =>
        FromParts(role, Convert.ToHexString(SHA256.HashData(content)));

    /// <summary>
    /// True for a syntactically valid UID (digits and dots, no empty component, at most 64 characters).
    /// Leading zeros in a component are invalid in DICOM but occur in real files (Sunnybrook): they are
    /// accepted when <paramref name="allowLeadingZeros"/> is true, which is how the reader treats input.
    /// </summary>
    public static bool IsValid(string uid, bool allowLeadingZeros = false)
    {
        if (uid.Length is 0 or > 64)
        {
            return false;
        }
        foreach (var component in uid.Split('.'))
        {
            if (component.Length == 0 || !component.All(char.IsAsciiDigit))
            {
                return false;
            }
            if (!allowLeadingZeros && component.Length > 1 && component[0] == '0')
            {
                return false;
            }
        }
        return true;
    }
}
