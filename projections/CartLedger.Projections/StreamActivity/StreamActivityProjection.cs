using CartLedger.Ledger.Events;
using CartLedger.Ledger.Subscriptions;
using Npgsql;

namespace CartLedger.Projections.StreamActivity;

/// <summary>
/// One row per stream (a procedure, a study): how many events, first and last position and time, and the last
/// event and actor. A worklist-like overview for operators and auditors. A batch is folded per stream in C#
/// and upserted in one statement, so the result does not depend on where batch boundaries fall.
/// </summary>
public sealed class StreamActivityProjection : Projection
{
    public const string Table = "projections.stream_activity";

    public override string Name => "stream_activity";

    public override IReadOnlyList<string> Tables { get; } = [Table];

    public override string CreateSql => $"""
        create table {Table} (
          stream_id uuid primary key,
          event_count bigint not null,
          first_position bigint not null,
          last_position bigint not null,
          first_recorded_at timestamptz not null,
          last_recorded_at timestamptz not null,
          last_event_type text not null,
          last_actor_name text not null,
          last_actor_role text not null);
        create index stream_activity_last on {Table} (last_recorded_at desc);
        """;

    public override async Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var perStream = batch.Events.GroupBy(e => e.StreamId)
            .Select(g => (First: g.First(), Last: g.Last(), Count: (long)g.Count()))
            .OrderBy(s => s.First.Position)
            .ToList();
        await using var command = new NpgsqlCommand($"""
            insert into {Table} as a (stream_id, event_count, first_position, last_position, first_recorded_at, last_recorded_at,
                                      last_event_type, last_actor_name, last_actor_role)
            select * from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
            on conflict (stream_id) do update set
              event_count = a.event_count + excluded.event_count,
              last_position = excluded.last_position,
              last_recorded_at = excluded.last_recorded_at,
              last_event_type = excluded.last_event_type,
              last_actor_name = excluded.last_actor_name,
              last_actor_role = excluded.last_actor_role
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue(perStream.Select(s => s.First.StreamId).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Count).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.First.Position).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Last.Position).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.First.RecordedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Last.RecordedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Last.EventType).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Last.Metadata.Actor.Name).ToArray());
        command.Parameters.AddWithValue(perStream.Select(s => s.Last.Metadata.Actor.Role.ToStoredName()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
