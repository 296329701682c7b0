using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartLedger.Ledger.Checkpoints;

/// <summary>
/// A statement, signed, that the ledger <see cref="Origin"/> had <see cref="Position"/> events whose global hash
/// chain ended in <see cref="LogHash"/> at <see cref="SignedAt"/> (database clock). Kept outside the database, it
/// lets an auditor prove that nothing up to that position was changed, removed, inserted or reordered since,
/// even by someone who could recompute every hash. The signature covers <see cref="SignedText"/>.
/// </summary>
public sealed record SignedCheckpoint(
    string Format,
    string Origin,
    long Position,
    string LogHash,
    DateTimeOffset SignedAt,
    string KeyId,
    string PublicKey,
    string Signature)
{
    public const string CurrentFormat = "cartledger-checkpoint-v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The exact bytes signed: one field a line, in a fixed order, UTF-8.</summary>
    public static byte[] SignedText(string origin, long position, string logHash, DateTimeOffset signedAt) =>
        Encoding.UTF8.GetBytes(
            $"{CurrentFormat}\norigin {origin}\nposition {position.ToString(CultureInfo.InvariantCulture)}\n" +
            $"log-hash {logHash}\nsigned-at {signedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\n");

    /// <summary>Whether the signature verifies with the public key carried in the checkpoint (and the key id matches it).</summary>
    public bool SignatureIsValid()
    {
        try
        {
            var publicKey = Convert.FromBase64String(PublicKey);
            if (Format != CurrentFormat || SigningKey.KeyIdOf(publicKey) != KeyId)
            {
                return false;
            }
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(SignedText(Origin, Position, LogHash, SignedAt), Convert.FromBase64String(Signature),
                HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SignedCheckpoint FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<SignedCheckpoint>(json, Json) is { Format: not null, Origin: not null, LogHash: not null, KeyId: not null, PublicKey: not null, Signature: not null } checkpoint
                ? checkpoint
                : throw new InvalidDataException($"{source}: not a CartLedger checkpoint (fields missing)");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a CartLedger checkpoint ({e.Message})", e);
        }
    }

    [JsonIgnore]
    public byte[] LogHashBytes => Convert.FromHexString(LogHash);
}
