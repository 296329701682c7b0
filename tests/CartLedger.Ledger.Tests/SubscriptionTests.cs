using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

public class SubscriptionTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private async Task<long[]> SeenAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"select position from {table} order by seen_order");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var seen = new List<long>();
        while (await reader.ReadAsync(Ct))
        {
            seen.Add(reader.GetInt64(0));
        }
        return [.. seen];
    }

    private async Task<long[]> AllPositionsAsync() =>
        [.. (await Store.ReadAllAsync(0, int.MaxValue, Ct)).Select(e => e.Position)];

    [Fact]
    public async Task Concurrent_appenders_that_start_first_and_commit_last_are_seen_exactly_once_in_position_order()
    {
        await RecordingHandler.CreateTableAsync(DataSource, "seen_out_of_order");
        var subscription = new Subscription(Store, "out-of-order", new RecordingHandler("seen_out_of_order"), new SubscriptionOptions { BatchSize = 7 });
        await subscription.CatchUpAsync(Ct);
        using var stopPolling = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stopPolling.IsCancellationRequested)
            {
                await subscription.ProcessNextBatchAsync(Ct);
            }
        }, Ct);

        // Each appender opens its transaction, appends, and holds the transaction for a while before it commits;
        // appenders that start earlier hold longer. With a sequence, later starters would commit lower-numbered gaps last.
        var random = new Random(7);
        var holds = Enumerable.Range(0, 24).Select(i => (Start: i * 3, Hold: random.Next(0, 40) + (24 - i))).ToArray();
        await Task.WhenAll(holds.Select(h => Task.Run(async () =>
        {
            await Task.Delay(h.Start, Ct);
            await using var connection = await DataSource.OpenConnectionAsync(Ct);
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await Store.AppendAsync(transaction, Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(3)), Ct);
            await Task.Delay(h.Hold, Ct);
            await transaction.CommitAsync(Ct);
        }, Ct)));
        await stopPolling.CancelAsync();
        await poller;
        await subscription.CatchUpAsync(Ct);

        var all = await AllPositionsAsync();
        Assert.Equal(Enumerable.Range(1, all.Length).Select(p => (long)p), all);
        Assert.Equal(all, await SeenAsync("seen_out_of_order"));
    }

    [Fact]
    public async Task A_later_append_cannot_commit_before_an_earlier_open_one_so_a_reader_never_sees_past_a_hole()
    {
        await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct);
        var headBefore = (await Store.GetHeadAsync(Ct)).Position;
        await using var first = await DataSource.OpenConnectionAsync(Ct);
        await using var firstTransaction = await first.BeginTransactionAsync(Ct);
        await Store.AppendAsync(firstTransaction, Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct);

        var second = Task.Run(() => Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct), Ct);
        await Task.Delay(300, Ct);
        var visibleWhileOpen = await Store.ReadAllAsync(headBefore, 10, Ct);
        var secondDoneWhileOpen = second.IsCompleted;
        await firstTransaction.CommitAsync(Ct);
        var secondResult = await second;

        Assert.Empty(visibleWhileOpen);
        Assert.False(secondDoneWhileOpen);
        Assert.Equal(headBefore + 2, secondResult.FirstPosition);
    }

    [Fact]
    public async Task A_subscriber_that_crashes_mid_batch_resumes_without_skipping_or_repeating()
    {
        await RecordingHandler.CreateTableAsync(DataSource, "seen_crash");
        var handler = new RecordingHandler("seen_crash");
        var subscription = new Subscription(Store, "crash", handler, new SubscriptionOptions { BatchSize = 10 });
        await subscription.CatchUpAsync(Ct);
        handler.CrashAfter = 4;
        var checkpoint = await subscription.GetCheckpointAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(5)), Ct);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => subscription.CatchUpAsync(Ct));
        var seenAfterCrash = await SeenAsync("seen_crash");
        var checkpointAfterCrash = await subscription.GetCheckpointAsync(Ct);
        await subscription.CatchUpAsync(Ct);

        Assert.DoesNotContain(seenAfterCrash, p => p > checkpoint);
        Assert.Equal(checkpoint, checkpointAfterCrash);
        var all = await AllPositionsAsync();
        Assert.Equal(all, await SeenAsync("seen_crash"));
        Assert.Equal(all[^1], await subscription.GetCheckpointAsync(Ct));
    }

    [Fact]
    public async Task Two_processes_running_one_subscription_handle_each_event_once()
    {
        await RecordingHandler.CreateTableAsync(DataSource, "seen_twice");
        for (var i = 0; i < 10; i++)
        {
            await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(4)), Ct);
        }
        var a = new Subscription(Store, "shared", new RecordingHandler("seen_twice"), new SubscriptionOptions { BatchSize = 3 });
        var b = new Subscription(Store, "shared", new RecordingHandler("seen_twice"), new SubscriptionOptions { BatchSize = 3 });

        await Task.WhenAll(Task.Run(() => a.CatchUpAsync(Ct), Ct), Task.Run(() => b.CatchUpAsync(Ct), Ct));
        await a.CatchUpAsync(Ct);

        Assert.Equal(await AllPositionsAsync(), await SeenAsync("seen_twice"));
    }

    [Fact]
    public async Task A_running_subscriber_wakes_on_notify_long_before_its_poll_interval()
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CallbackHandler(batch => seen.TrySetResult(batch.Events[^1].Position));
        var subscription = new Subscription(Store, "wakeup", handler, new SubscriptionOptions { PollInterval = TimeSpan.FromMinutes(5), Start = SubscriptionStart.Now });
        using var stop = new CancellationTokenSource();
        var running = subscription.RunAsync(stop.Token);
        await Task.Delay(500, Ct);

        var appended = await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct);
        var handled = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(appended.LastPosition, handled);
    }

    [Fact]
    public async Task Positions_stay_gapless_after_rolled_back_appends()
    {
        for (var i = 0; i < 5; i++)
        {
            await using var connection = await DataSource.OpenConnectionAsync(Ct);
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await Store.AppendAsync(transaction, Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(3)), Ct);
            await transaction.RollbackAsync(Ct);
            await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(2)), Ct);
        }
        var stream = Guid.NewGuid();
        await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Event()), Ct);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Event()), Ct));

        Assert.Equal(await ScalarAsync<long>("select count(*) from ledger.events"), await ScalarAsync<long>("select max(position) from ledger.events"));
    }
}
