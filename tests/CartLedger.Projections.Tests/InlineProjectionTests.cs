using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Projections.Running;
using CartLedger.Projections.StreamActivity;
using CartLedger.Projections.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Projections.Tests;

/// <summary>Inline projections run in the append's transaction (a database of their own: no async daemon writes these tables).</summary>
public class InlineProjectionTests(PostgresDatabase database) : ProcedureLedger(database)
{
    [Fact]
    public async Task An_inline_projection_commits_with_the_append_and_rolls_back_with_it()
    {
        Projection[] inline = [new StreamActivityProjection()];
        await ProjectionDaemon.EnsureReadyAsync(Store, inline, ProjectionMode.Inline, Ct);
        var store = new EventStore(DataSource, new LedgerOptions { InlineHandlers = inline });
        var stream = await AppendProcedureAsync(store);
        var countAfterAppends = await ScalarAsync<long>("select event_count from projections.stream_activity where stream_id = $1", stream);

        await using (var connection = await DataSource.OpenConnectionAsync(Ct))
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await store.AppendAsync(transaction, new AppendRequest(stream, "crt_procedure", ExpectedVersion.Exactly(5), Guid.NewGuid(),
                [new NewEvent(Guid.NewGuid(), "procedure_completed", 1, "{}", Staff())]), Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(5L, countAfterAppends);
        Assert.Equal(5L, await ScalarAsync<long>("select event_count from projections.stream_activity where stream_id = $1", stream));
    }

    [Fact]
    public async Task Rebuilding_an_inline_projection_gives_identical_tables()
    {
        Projection[] inline = [new StreamActivityProjection()];
        await ProjectionDaemon.EnsureReadyAsync(Store, inline, ProjectionMode.Inline, Ct);
        var store = new EventStore(DataSource, new LedgerOptions { InlineHandlers = inline });
        await AppendProcedureAsync(store);
        await AppendProcedureAsync(store);
        var live = await HashesAsync(inline);

        await ProjectionRebuild.RunAsync(Store, inline[0], ProjectionMode.Inline, Ct);

        Assert.Equal(live, await HashesAsync(inline));
    }
}
