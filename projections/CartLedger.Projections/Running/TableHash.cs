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
public static partial class TableHash
{
    /// <summary>The hash of <paramref name="table"/>, a schema-qualified lower-case name (checked: it is placed in the SQL).</summary>
    public static async Task<string> ComputeAsync(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken = default)
    {
        if (!QualifiedName().IsMatch(table))
        {
            throw new ArgumentException($"'{table}' is not a schema-qualified lower-case table name", nameof(table));
        }
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

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex QualifiedName();
}
