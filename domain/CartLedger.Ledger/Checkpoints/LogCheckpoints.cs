using System.Data;
using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Verifying;
using Npgsql;

namespace CartLedger.Ledger.Checkpoints;

/// <summary>Signs the current log head and checks signed checkpoints against the ledger.</summary>
public sealed class LogCheckpoints(NpgsqlDataSource dataSource)
{
    /// <summary>Signs (position, log hash) of the current head with the database's time, records it in ledger.checkpoints and returns it.</summary>
    public async Task<SignedCheckpoint> SignAsync(SigningKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var head = new NpgsqlCommand(
            "select 'cartledger:' || i.ledger_id, h.position, h.log_hash, clock_timestamp() from ledger.log_head h, ledger.identity i",
            connection, transaction);
        SignedCheckpoint checkpoint;
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (origin, position, logHash) = (reader.GetString(0), reader.GetInt64(1), Hex.Of(reader.GetFieldValue<byte[]>(2)));
            var signedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
            var signature = key.Sign(SignedCheckpoint.SignedText(origin, position, logHash, signedAt));
            checkpoint = new SignedCheckpoint(SignedCheckpoint.CurrentFormat, origin, position, logHash, signedAt, key.KeyId,
                Convert.ToBase64String(key.PublicKey), Convert.ToBase64String(signature));
        }
        await using var record = new NpgsqlCommand(
            "insert into ledger.checkpoints (position, log_hash, signed_at, key_id, document) values ($1, $2, $3, $4, $5)", connection, transaction);
        record.Parameters.AddWithValue(checkpoint.Position);
        record.Parameters.AddWithValue(checkpoint.LogHashBytes);
        record.Parameters.AddWithValue(checkpoint.SignedAt.UtcDateTime);
        record.Parameters.AddWithValue(checkpoint.KeyId);
        record.Parameters.AddWithValue(checkpoint.ToJson());
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint;
    }

    /// <summary>
    /// Checks a checkpoint against this ledger: its signature, that it belongs to this ledger, and that the
    /// verified chain passes through (position, log hash). The report's break, if any, says where it fails.
    /// </summary>
    public async Task<CheckpointVerification> VerifyAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var signatureValid = checkpoint.SignatureIsValid();
        await using var command = dataSource.CreateCommand("select 'cartledger:' || ledger_id from ledger.identity");
        var origin = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        var report = await new ChainVerifier(dataSource).VerifyLedgerAsync(new VerifyOptions(new LogAnchor(checkpoint.Position, checkpoint.LogHashBytes)), cancellationToken);
        return new CheckpointVerification(signatureValid, origin == checkpoint.Origin, report);
    }
}

/// <summary>The three answers an auditor needs: is the signature valid, is it this ledger, does the chain agree with it.</summary>
public sealed record CheckpointVerification(bool SignatureValid, bool SameLedger, VerificationReport Chain)
{
    public bool Valid => SignatureValid && SameLedger && Chain.Intact;
}
