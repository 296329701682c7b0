using System.Security.Cryptography;
using CartLedger.Ledger.Hashing;

namespace CartLedger.Ledger.Checkpoints;

/// <summary>
/// The ECDSA P-256 key pair that signs checkpoints (.NET's BCL; no Ed25519 there). Stored as PEM: the private
/// key as PKCS#8 readable by its owner only (mode 0600), the public key as SubjectPublicKeyInfo beside it.
/// The key id is the first 16 hex digits of SHA-256 over the public key's DER bytes.
/// </summary>
public sealed class SigningKey : IDisposable
{
    public const string PrivateKeyFile = "ledger-signing-key.pem";
    public const string PublicKeyFile = "ledger-signing-key.pub.pem";

    private readonly ECDsa _key;

    private SigningKey(ECDsa key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(PublicKey);
    }

    public byte[] PublicKey { get; }
    public string KeyId { get; }

    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Hex.Of(SHA256.HashData(subjectPublicKeyInfo))[..16];

    /// <summary>The key in <paramref name="directory"/>, created there on first use.</summary>
    public static SigningKey LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, PrivateKeyFile);
        if (File.Exists(path))
        {
            return Load(path);
        }
        Directory.CreateDirectory(directory);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }
        File.WriteAllText(Path.Combine(directory, PublicKeyFile), key.ExportSubjectPublicKeyInfoPem());
        return new SigningKey(key);
    }

    /// <summary>A private key from a PEM file (PKCS#8 or SEC1 "EC PRIVATE KEY").</summary>
    public static SigningKey Load(string privateKeyPath)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(privateKeyPath));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{privateKeyPath}: not an EC private key in PEM ({e.Message})", e);
        }
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"{privateKeyPath}: a P-256 key is required, this one has {key.KeySize} bits");
        }
        return new SigningKey(key);
    }

    /// <summary>An IEEE P1363 (r || s) signature over SHA-256 of <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => _key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => _key.Dispose();
}
