using CartLedger.Domain.Access;
using Npgsql;

namespace CartLedger.Ledger.Users;

/// <summary>A user as the directory holds them.</summary>
public sealed record UserAccount(string SignInName, string PrintedName, Role Role, bool Active)
{
    public Actor Actor => new(SignInName, PrintedName, Role);
}

/// <summary>
/// Users in PostgreSQL (<c>ledger.users</c>): create, look up, verify a password. Sign-in names are unique and never
/// reused; nothing here deletes. Passwords are stored only as PBKDF2 hashes.
/// </summary>
public sealed class UserDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>Creates a user; false when the sign-in name exists already (it is never reassigned).</summary>
    public async Task<bool> TryCreateAsync(string signInName, string printedName, Role role, string password, CancellationToken cancellationToken = default)
    {
        var hash = PasswordHasher.Hash(password);
        await using var command = dataSource.CreateCommand(
            "insert into ledger.users (user_id, printed_name, role, password_algorithm, password_iterations, password_salt, password_hash) " +
            "values ($1, $2, $3, $4, $5, $6, $7) on conflict (user_id) do nothing");
        foreach (var value in new object[] { signInName, printedName, Stored(role), PasswordHasher.Algorithm, hash.Iterations, hash.Salt, hash.Hash })
        {
            command.Parameters.AddWithValue(value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<UserAccount?> FindAsync(string signInName, CancellationToken cancellationToken = default) =>
        (await ReadAsync(signInName, cancellationToken))?.Account;

    /// <summary>The user when the password matches an active account; null otherwise (unknown, wrong or deactivated alike).</summary>
    public async Task<UserAccount?> VerifyAsync(string signInName, string password, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync(signInName, cancellationToken);
        return found is { Account.Active: true } && PasswordHasher.Verify(password, found.Value.Hash) ? found.Value.Account : null;
    }

    private async Task<(UserAccount Account, PasswordHash Hash)?> ReadAsync(string signInName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select printed_name, role, deactivated_at is null, password_iterations, password_salt, password_hash from ledger.users where user_id = $1");
        command.Parameters.AddWithValue(signInName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var account = new UserAccount(signInName, reader.GetString(0), Enum.Parse<Role>(reader.GetString(1), ignoreCase: true), reader.GetBoolean(2));
        return (account, new PasswordHash(reader.GetInt32(3), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
    }

    private static string Stored(Role role) => role.ToString().ToLowerInvariant();
}
