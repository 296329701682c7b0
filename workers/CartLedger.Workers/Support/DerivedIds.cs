using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Workers.Support;

/// <summary>
/// Deterministic ids: a GUID from the SHA-256 of its parts (version and variant bits set, RFC 9562 version 8), so a
/// re-run of the same import or of the same job names the same study, acquisition and append id, and the ledger's
/// idempotent append turns the repeat into a no-op.
/// </summary>
public static class DerivedIds
{
    public static Guid From(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var id = bytes.AsSpan(0, 16).ToArray();
        id[6] = (byte)((id[6] & 0x0F) | 0x80);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id, bigEndian: true);
    }
}
