using CartLedger.Ledger.Jobs;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Projections.Running;
using CartLedger.Projections.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Projections.Tests;

/// <summary>Audit item AT-25: a rebuild from position 0 reproduces the live read model exactly and causes nothing else.</summary>
public class RebuildTests(PostgresDatabase database) : ProcedureLedger(database)
{
    [Fact]
    public async Task Rebuilding_async_projections_from_position_zero_gives_identical_tables_and_no_jobs()
    {
        var projections = GenericProjections();
        var daemon = new ProjectionDaemon(Store, projections, new SubscriptionOptions { BatchSize = 3 });
        var dispatcher = new Subscription(Store, "segmentation-dispatcher",
            new JobDispatcher(e => e.EventType == "study_imported" ? [new JobRequest("segment-lv", e.EventId, e.Position)] : []));
        for (var i = 0; i < 4; i++)
        {
            await AppendProcedureAsync();
            await daemon.CatchUpAsync(Ct);
            await dispatcher.CatchUpAsync(Ct);
        }
        var live = await HashesAsync(projections);
        var jobsBefore = await ScalarAsync<long>("select count(*) from ledger.jobs");
        var rows = await ScalarAsync<long>("select count(*) from projections.audit_trail");

        foreach (var projection in projections)
        {
            await daemon.RebuildAsync(projection.Name, Ct);
        }
        await daemon.CatchUpAsync(Ct);
        await dispatcher.CatchUpAsync(Ct);

        Assert.Equal(live, await HashesAsync(projections));
        Assert.Equal(await ScalarAsync<long>("select count(*) from ledger.events"), rows);
        Assert.Equal(await ScalarAsync<long>("select count(*) from ledger.events where event_type = 'study_imported'"), jobsBefore);
        Assert.Equal(jobsBefore, await ScalarAsync<long>("select count(*) from ledger.jobs"));
    }

    [Fact]
    public async Task A_table_hash_changes_when_one_row_changes_and_not_when_rows_are_reordered()
    {
        var daemon = new ProjectionDaemon(Store, GenericProjections());
        await AppendProcedureAsync();
        await daemon.CatchUpAsync(Ct);
        await ExecuteAsync("create table projections.audit_copy as select * from projections.audit_trail order by position desc");
        var original = await TableHash.ComputeAsync(DataSource, "projections.audit_trail", Ct);
        var reordered = await TableHash.ComputeAsync(DataSource, "projections.audit_copy", Ct);

        await ExecuteAsync("update projections.audit_copy set actor_name = actor_name || '.' where position = (select max(position) from projections.audit_copy)");

        Assert.Equal(original, reordered);
        Assert.NotEqual(original, await TableHash.ComputeAsync(DataSource, "projections.audit_copy", Ct));
    }

    [Fact]
    public async Task A_new_projection_version_is_rebuilt_when_the_daemon_starts()
    {
        await AppendProcedureAsync();
        await new ProjectionDaemon(Store, [new Versioned(1)]).CatchUpAsync(Ct);
        await using (var corrupt = DataSource.CreateCommand($"delete from {Versioned.Table}"))
        {
            await corrupt.ExecuteNonQueryAsync(Ct);
        }

        await new ProjectionDaemon(Store, [new Versioned(2)]).CatchUpAsync(Ct);

        Assert.Equal(await ScalarAsync<long>("select count(*) from ledger.events"), await ScalarAsync<long>($"select count(*) from {Versioned.Table}"));
        Assert.Equal(2, await ScalarAsync<int>("select version from projections.projection_state where name = 'versioned'"));
    }

    private sealed class Versioned(int version) : Projection
    {
        public const string Table = "projections.versioned_positions";
        public override string Name => "versioned";
        public override int Version => version;
        public override IReadOnlyList<string> Tables => [Table];
        public override string CreateSql => $"create table {Table} (position bigint primary key)";

        public override async Task HandleAsync(EventBatch batch, Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken)
        {
            await using var insert = new Npgsql.NpgsqlCommand($"insert into {Table} select unnest($1::bigint[])", transaction.Connection, transaction);
            insert.Parameters.AddWithValue(batch.Events.Select(e => e.Position).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
