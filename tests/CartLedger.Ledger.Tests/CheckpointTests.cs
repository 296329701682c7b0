using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Checkpoints;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Ledger.Verifying;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

/// <summary>Audit item AT-08: signed checkpoints, verifiable offline, catch a history rewritten however consistently.</summary>
public class CheckpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_checkpoint_is_signed_exported_and_verifies_against_its_ledger()
    {
        await using var ledger = await ScratchLedger.CreateAsync(cancellationToken: Ct);
        using var key = SigningKey.LoadOrCreate(RepoPaths.ScratchFolder("keys"));
        var checkpoints = new LogCheckpoints(ledger.DataSource);

        var checkpoint = await checkpoints.SignAsync(key, Ct);
        var exported = SignedCheckpoint.FromJson(checkpoint.ToJson(), "test");
        await ledger.Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(2)), Ct);
        var verification = await checkpoints.VerifyAsync(exported, Ct);

        Assert.Equal(18, exported.Position);
        Assert.True(exported.SignatureIsValid());
        Assert.True(verification.Valid, verification.Chain.FirstBreak?.Reason);
        Assert.Equal(20, verification.Chain.LastPosition);
    }

    [Fact]
    public async Task A_changed_field_or_a_foreign_key_breaks_the_signature()
    {
        await using var ledger = await ScratchLedger.CreateAsync(appendsPerStream: 1, cancellationToken: Ct);
        using var key = SigningKey.LoadOrCreate(RepoPaths.ScratchFolder("keys"));
        using var other = SigningKey.LoadOrCreate(RepoPaths.ScratchFolder("keys"));
        var checkpoint = await new LogCheckpoints(ledger.DataSource).SignAsync(key, Ct);

        Assert.False((checkpoint with { Position = checkpoint.Position - 1 }).SignatureIsValid());
        Assert.False((checkpoint with { LogHash = new string('0', 64) }).SignatureIsValid());
        Assert.False((checkpoint with { SignedAt = checkpoint.SignedAt.AddSeconds(1) }).SignatureIsValid());
        Assert.False((checkpoint with { PublicKey = Convert.ToBase64String(other.PublicKey) }).SignatureIsValid());
        Assert.False((checkpoint with { Signature = "AAAA" }).SignatureIsValid());
    }

    [Fact]
    public async Task A_consistently_rewritten_history_verifies_in_itself_but_not_against_the_checkpoint()
    {
        await using var ledger = await ScratchLedger.CreateAsync(cancellationToken: Ct);
        Assert.SkipUnless(await ledger.IsSuperuserAsync(), "tampering needs a superuser connection");
        using var key = SigningKey.LoadOrCreate(RepoPaths.ScratchFolder("keys"));
        var checkpoints = new LogCheckpoints(ledger.DataSource);
        var checkpoint = await checkpoints.SignAsync(key, Ct);

        await ChainForger.RewriteAsync(ledger, 5, data => data.Replace("note 1", "note 9", StringComparison.Ordinal));
        var selfConsistent = await new ChainVerifier(ledger.DataSource).VerifyLedgerAsync(cancellationToken: Ct);
        var verification = await checkpoints.VerifyAsync(checkpoint, Ct);

        Assert.True(selfConsistent.Intact, selfConsistent.FirstBreak?.Reason);
        Assert.False(verification.Valid);
        Assert.True(verification.SignatureValid);
        Assert.Equal((18L, ChainBreakKind.CheckpointMismatch), (verification.Chain.FirstBreak!.Position, verification.Chain.FirstBreak.Kind));
    }

    [Fact]
    public async Task A_checkpoint_of_another_ledger_is_not_accepted()
    {
        await using var first = await ScratchLedger.CreateAsync(appendsPerStream: 1, cancellationToken: Ct);
        await using var second = await ScratchLedger.CreateAsync(appendsPerStream: 1, cancellationToken: Ct);
        using var key = SigningKey.LoadOrCreate(RepoPaths.ScratchFolder("keys"));
        var checkpoint = await new LogCheckpoints(first.DataSource).SignAsync(key, Ct);

        var verification = await new LogCheckpoints(second.DataSource).VerifyAsync(checkpoint, Ct);

        Assert.False(verification.SameLedger);
        Assert.False(verification.Valid);
    }

    [Fact]
    public void The_key_is_created_once_with_a_private_file_only_its_owner_can_read()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are a Unix notion");
        var folder = RepoPaths.ScratchFolder("keys");
        using var created = SigningKey.LoadOrCreate(folder);
        using var loaded = SigningKey.LoadOrCreate(folder);

        Assert.Equal(created.KeyId, loaded.KeyId);
#pragma warning disable CA1416 // skipped on Windows above
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, SigningKey.PrivateKeyFile)));
#pragma warning restore CA1416
        Assert.Contains("BEGIN PUBLIC KEY", File.ReadAllText(Path.Combine(folder, SigningKey.PublicKeyFile)), StringComparison.Ordinal);
    }
}
