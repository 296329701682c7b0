using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Ledger.Users;

/// <summary>A stored password hash: PBKDF2 with HMAC-SHA-256, its iteration count and a random salt.</summary>
public sealed record PasswordHash(int Iterations, byte[] Salt, byte[] Hash);

/// <summary>PBKDF2-SHA-256 from the BCL (600,000 iterations, OWASP 2023), compared in constant time.</summary>
public static class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(iterations, salt, Derive(password, salt, iterations));
    }

    public static bool Verify(string password, PasswordHash stored) =>
        !string.IsNullOrEmpty(password) && CryptographicOperations.FixedTimeEquals(Derive(password, stored.Salt, stored.Iterations), stored.Hash);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
