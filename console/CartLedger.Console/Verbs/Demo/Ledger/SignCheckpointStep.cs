using CartLedger.Console.Cli;
using CartLedger.Ledger.Checkpoints;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Signs the log head with the local key, exports the checkpoint as a file and checks it against the ledger.</summary>
public sealed class SignCheckpointStep : IDemoStep
{
    public string Title => "Sign a checkpoint and export it (what an auditor keeps outside the database)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        using var key = SigningKey.LoadOrCreate(CartLedgerHome.StateFolder("keys"));
        var checkpoints = new LogCheckpoints(context.Store.DataSource);
        var checkpoint = await checkpoints.SignAsync(key, cancellationToken);
        var file = context.OutputFile("checkpoint.json");
        await File.WriteAllTextAsync(file, checkpoint.ToJson() + "\n", cancellationToken);
        var verification = await checkpoints.VerifyAsync(SignedCheckpoint.FromJson(await File.ReadAllTextAsync(file, cancellationToken), file), cancellationToken);
        context.Say($"checkpoint at position {checkpoint.Position}, signed by key {checkpoint.KeyId} (ECDSA P-256), written to {file}");
        context.Say($"re-read and verified against the ledger: {(verification.Valid ? "valid" : "NOT valid")}");
        context.Say($"check it later with: ./cartledger audit verify-checkpoint {file}");
        if (!verification.Valid)
        {
            throw new CommandFailedException("the demo's own checkpoint does not verify");
        }
    }
}
