using System.Security.Cryptography;
using System.Text;
using CartLedger.Ledger.Hashing;
using Npgsql;

namespace CartLedger.Projections.Running;

/// <summary>
/// A canonical hash of a table's content: every row's text, sorted bytewise, hashed as a stream. Two tables
/// with the same rows have the same hash whatever their physical order (how rebuild equality is proven).
/// Session settings that change how values print are pinned.
/// </summary>
public static class TableHash
{
    public static async Task<string> ComputeAsync(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand(
            "set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local extra_float_digits = 1; set local intervalstyle = 'postgres'",
            connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var command = new NpgsqlCommand($"select t::text from {table} t order by t::text collate \"C\"", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(reader.GetString(0)));
            hash.AppendData("\n"u8);
        }
        return Hex.Of(hash.GetHashAndReset());
    }
}
