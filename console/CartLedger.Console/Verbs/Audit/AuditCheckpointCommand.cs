using System.CommandLine;
using CartLedger.Console.Cli;
using CartLedger.Ledger.Checkpoints;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Console.Verbs.Audit;

/// <summary>`cartledger audit checkpoint --out FILE`: verify the ledger, then sign its head and export the checkpoint.</summary>
public static class AuditCheckpointCommand
{
    public static Command Create(Terminal terminal)
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the signed checkpoint (JSON). Keep it outside the database host.", Required = true };
        var key = new Option<FileInfo?>("--key") { Description = "A P-256 private key (PEM). Default: .cartledger/keys/ledger-signing-key.pem, created on first use." };
        var command = new Command("checkpoint", "Verify the whole ledger, then sign (position, log hash) of its head with ECDSA P-256 and export it as JSON.")
        {
            output, key,
        }.WithExamples("./cartledger audit checkpoint --out /media/qa/checkpoint-2026-03-04.json");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await Database.OpenLedgerAsync(cancellationToken: cancellationToken);
            var report = await new ChainVerifier(Database.DataSource).VerifyLedgerAsync(cancellationToken: cancellationToken);
            if (!report.Intact)
            {
                throw new CommandFailedException($"refusing to sign a broken ledger: first bad {report.FirstBreak!.Reason}");
            }
            using var signingKey = LoadKey(parse.GetValue(key));
            var checkpoint = await new LogCheckpoints(Database.DataSource).SignAsync(signingKey, cancellationToken);
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, checkpoint.ToJson() + "\n", cancellationToken);
            terminal.Line($"signed checkpoint: position {checkpoint.Position}, log hash {checkpoint.LogHash}, key {checkpoint.KeyId}");
            terminal.Line($"written to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static SigningKey LoadKey(FileInfo? path)
    {
        try
        {
            return path is null ? SigningKey.LoadOrCreate(CartLedgerHome.StateFolder("keys")) : SigningKey.Load(path.FullName);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CommandFailedException(e.Message);
        }
    }
}
