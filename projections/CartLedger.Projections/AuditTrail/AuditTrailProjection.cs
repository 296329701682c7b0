using CartLedger.Ledger.Events;
using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Subscriptions;
using Npgsql;
using NpgsqlTypes;

namespace CartLedger.Projections.AuditTrail;

/// <summary>
/// The reviewable trail of audit item AT-24: one row per event saying who (id, printed name, role) did what
/// (event type), when (recorded by the database, and as stated), from where (terminal), in which chain
/// (correlation, causation), why (reason) and with which algorithm and build. Written with binary COPY.
/// </summary>
public sealed class AuditTrailProjection : Projection
{
    public const string Table = "projections.audit_trail";

    public override string Name => "audit_trail";

    public override IReadOnlyList<string> Tables { get; } = [Table];

    public override string CreateSql => $"""
        create table {Table} (
          position bigint primary key,
          recorded_at timestamptz not null,
          occurred_at timestamptz,
          stream_id uuid not null,
          stream_version bigint not null,
          event_type text not null,
          schema_version int not null,
          actor_id text not null,
          actor_name text not null,
          actor_role text not null,
          terminal text not null,
          correlation_id uuid not null,
          causation_id uuid,
          reason text,
          algorithm text,
          algorithm_version text,
          software_version text not null,
          event_hash text not null);
        create index audit_trail_stream on {Table} (stream_id, stream_version);
        create index audit_trail_actor on {Table} (actor_id, recorded_at);
        create index audit_trail_correlation on {Table} (correlation_id);
        """;

    public override async Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var copy = await transaction.Connection!.BeginBinaryImportAsync(
            $"copy {Table} (position, recorded_at, occurred_at, stream_id, stream_version, event_type, schema_version, actor_id, actor_name, " +
            "actor_role, terminal, correlation_id, causation_id, reason, algorithm, algorithm_version, software_version, event_hash) from stdin (format binary)",
            cancellationToken);
        foreach (var e in batch.Events)
        {
            var m = e.Metadata;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(e.Position, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(e.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, e.OccurredAt?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(e.StreamVersion, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(e.EventType, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(e.StoredSchemaVersion, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(m.Actor.Id, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.Actor.Name, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.Actor.Role.ToStoredName(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.Terminal, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.CorrelationId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(copy, m.CausationId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(copy, m.Reason, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, m.Computation?.AlgorithmName, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, m.Computation?.AlgorithmVersion, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.SoftwareVersion, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Hex.Of(e.Hash), NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }
}
