using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Cmr.Provenance;

/// <summary>
/// SHA-256 over canonical bytes: integers and IEEE doubles/floats little-endian, strings as UTF-8 with a length
/// prefix, sequences with their count first. Results are hashed in the order the caller writes them, which is
/// always a fixed order (slices base to apex, phases, rays), so a re-execution that reproduces every value bit
/// for bit reproduces the hash, and any change in any value changes it.
/// </summary>
public sealed class CanonicalHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public CanonicalHash Add(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, value);
        _hash.AppendData(_buffer, 0, 4);
        return this;
    }

    public CanonicalHash Add(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer, value);
        _hash.AppendData(_buffer, 0, 8);
        return this;
    }

    public CanonicalHash Add(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_buffer, value);
        _hash.AppendData(_buffer, 0, 4);
        return this;
    }

    public CanonicalHash Add(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Add(bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public CanonicalHash Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public CanonicalHash Add(IReadOnlyList<double> values)
    {
        Add(values.Count);
        foreach (var v in values)
        {
            Add(v);
        }
        return this;
    }

    public CanonicalHash Add(IReadOnlyList<float> values)
    {
        Add(values.Count);
        foreach (var v in values)
        {
            Add(v);
        }
        return this;
    }

    /// <summary>The hash as 64 lowercase hex digits (the form every event records).</summary>
    public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    /// <summary>SHA-256 of raw bytes, lowercase hex (e.g. of a file).</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
