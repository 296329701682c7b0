using System.CommandLine;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Ledger.Checkpoints;

namespace CartLedger.Console.Verbs.Audit;

/// <summary>`cartledger audit verify-checkpoint FILE`: is the signature valid, by the expected key, and does the ledger still pass through it?</summary>
public static class AuditVerifyCheckpointCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A checkpoint written by 'audit checkpoint'." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "The signer's public key (PEM) to trust; without it the key carried in the file is only reported." };
        var signatureOnly = new Option<bool>("--signature-only") { Description = "Check the signature offline, without the database." };
        var json = AuditCommand.JsonOption();
        var command = new Command("verify-checkpoint", "Check a signed checkpoint: its signature, its signer, and that the ledger's chain still passes through it (exit 1 otherwise).")
        {
            file, publicKey, signatureOnly, json,
        }.WithExamples("./cartledger audit verify-checkpoint checkpoint.json",
            "./cartledger audit verify-checkpoint checkpoint.json --signature-only --public-key ledger-signing-key.pub.pem");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var checkpoint = Read(path);
            var trustedKey = parse.GetValue(publicKey) is { } keyFile ? TrustedKeyId(keyFile) : null;
            var signatureValid = checkpoint.SignatureIsValid();
            var signerTrusted = trustedKey is null ? (bool?)null : trustedKey == checkpoint.KeyId;
            CheckpointVerification? verification = null;
            if (!parse.GetValue(signatureOnly))
            {
                await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
                verification = await new LogCheckpoints(Database.DataSource).VerifyAsync(checkpoint, cancellationToken);
            }
            var problem = Problem(signatureValid, signerTrusted, verification);
            if (parse.GetValue(json))
            {
                terminal.Line(JsonSerializer.Serialize(new
                {
                    file = path.FullName,
                    valid = problem is null,
                    signatureValid,
                    keyId = checkpoint.KeyId,
                    signerTrusted,
                    sameLedger = verification?.SameLedger,
                    checkpoint = new { checkpoint.Origin, checkpoint.Position, checkpoint.LogHash, checkpoint.SignedAt },
                    chainIntact = verification?.Chain.Intact,
                    firstBreak = verification?.Chain.FirstBreak is { } b ? new { position = b.Position, kind = b.Kind.ToString(), reason = b.Reason } : null,
                }, AuditCommand.Json));
            }
            else
            {
                terminal.Line($"checkpoint {path.Name}: {checkpoint.Origin}, position {checkpoint.Position}, log hash {checkpoint.LogHash}, signed {checkpoint.SignedAt:u} by key {checkpoint.KeyId}");
                terminal.Line(problem is null ? "valid" : $"NOT valid: {problem}");
            }
            return problem is null ? ExitCodes.Success : throw new CommandFailedException($"checkpoint {path.Name} is not valid: {problem}");
        });
        return command;
    }

    private static string? Problem(bool signatureValid, bool? signerTrusted, CheckpointVerification? verification) =>
        !signatureValid ? "the signature does not verify (the file was changed or not signed by its key)"
        : signerTrusted == false ? "it was signed by another key than the trusted one"
        : verification is { SameLedger: false } ? "it was issued by another ledger"
        : verification is { Chain.Intact: false } ? $"the ledger does not match it: {verification.Chain.FirstBreak!.Reason}"
        : null;

    private static SignedCheckpoint Read(FileInfo file)
    {
        try
        {
            return SignedCheckpoint.FromJson(File.ReadAllText(file.FullName), file.FullName);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    private static string TrustedKeyId(FileInfo file)
    {
        try
        {
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(file.FullName));
            return SigningKey.KeyIdOf(key.ExportSubjectPublicKeyInfo());
        }
        catch (Exception e) when (e is IOException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new CommandFailedException($"{file.FullName}: not a public key in PEM ({e.Message})");
        }
    }
}
