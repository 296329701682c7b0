using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// DICOM UIDs derived from the seed and what they name, in the 2.25 (UUID-derived) root: the same seed always gives
/// the same UIDs, different seeds never collide in practice (128-bit SHA-256 prefix).
/// </summary>
public static class PhantomUids
{
    public static string For(int seed, params object[] parts)
    {
        var text = $"cartledger-phantom/{seed}/{string.Join('/', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)))}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
