using System.Security.Cryptography;
using CartLedger.Ledger.Hashing;
using Npgsql;

namespace CartLedger.Ledger.Blobs;

/// <summary>
/// Content-addressed bytes in PostgreSQL (every host sees them). Written through an append
/// (<see cref="Appending.AppendRequest.Blobs"/>) so they commit with the event that references them; every
/// read re-hashes the bytes and refuses a mismatch.
/// </summary>
public sealed class BlobStore(NpgsqlDataSource dataSource)
{
    /// <summary>The key of <paramref name="bytes"/>: SHA-256 in lower-case hex, the spelling events use.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Hex.Of(SHA256.HashData(bytes));

    /// <summary>The bytes stored under <paramref name="sha256Hex"/>, verified.</summary>
    /// <exception cref="BlobNotFoundException">No blob with that hash.</exception>
    /// <exception cref="BlobCorruptedException">The stored bytes no longer hash to their key.</exception>
    public async Task<byte[]> GetAsync(string sha256Hex, CancellationToken cancellationToken = default)
    {
        var key = Hex.Parse(sha256Hex, "blob hash");
        await using var command = dataSource.CreateCommand("select bytes from ledger.blobs where sha256 = $1");
        command.Parameters.AddWithValue(key);
        var bytes = await command.ExecuteScalarAsync(cancellationToken) as byte[] ?? throw new BlobNotFoundException(sha256Hex);
        var actual = HashOf(bytes);
        return actual == sha256Hex ? bytes : throw new BlobCorruptedException(sha256Hex, actual);
    }

    public async Task<bool> ExistsAsync(string sha256Hex, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from ledger.blobs where sha256 = $1)");
        command.Parameters.AddWithValue(Hex.Parse(sha256Hex, "blob hash"));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Stores <paramref name="bytes"/> in the caller's transaction; storing the same bytes twice is a no-op.</summary>
    internal static async Task InsertAsync(NpgsqlTransaction transaction, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "insert into ledger.blobs (sha256, size_bytes, bytes) values ($1, $2, $3) on conflict (sha256) do nothing",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue(SHA256.HashData(bytes));
        command.Parameters.AddWithValue((long)bytes.Length);
        command.Parameters.AddWithValue(bytes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>No blob is stored under the hash.</summary>
public sealed class BlobNotFoundException(string sha256Hex) : LedgerException($"no blob with SHA-256 {sha256Hex}")
{
    public string Sha256 { get; } = sha256Hex;
}

/// <summary>The stored bytes do not hash to their key: the store was altered outside the ledger.</summary>
public sealed class BlobCorruptedException(string expected, string actual)
    : LedgerException($"blob {expected} is corrupted: its stored bytes hash to {actual}")
{
    public string Expected { get; } = expected;
    public string Actual { get; } = actual;
}
