using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Reading;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

public class AppendingTests(PostgresDatabase database) : LedgerTestBase(database)
{
    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_the_database_clock_and_the_stated_time()
    {
        var stream = Guid.NewGuid();
        var stated = new DateTimeOffset(2026, 3, 4, 9, 15, 30, 123, 456, TimeSpan.FromHours(1)).AddTicks(7);
        var before = await ScalarAsync<DateTime>("select clock_timestamp()");
        var first = Sample.Event("procedure_scheduled", """{"room":"cathlab-2"}""", occurredAt: stated);
        var result = await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, first, Sample.Event()), Ct);

        var events = await Store.ReadStreamAsync(stream, cancellationToken: Ct);

        Assert.Equal([1L, 2L], events.Select(e => e.StreamVersion));
        Assert.Equal(result.FirstPosition + 1, events[1].Position);
        Assert.Equal(first.EventId, events[0].EventId);
        Assert.Equal("""{"room":"cathlab-2"}""", events[0].Data);
        Assert.Equal(first.Metadata, events[0].Metadata);
        Assert.Equal(stated.UtcTicks - 7, events[0].OccurredAt!.Value.UtcTicks);
        Assert.Null(events[1].OccurredAt);
        Assert.InRange(events[0].RecordedAt.UtcDateTime, DateTime.SpecifyKind(before, DateTimeKind.Utc), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(2, result.StreamVersion);
        Assert.False(result.Duplicate);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_typed_concurrency_error_and_writes_nothing()
    {
        var stream = Guid.NewGuid();
        await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Events(3)), Ct);
        var eventsBefore = await ScalarAsync<long>("select count(*) from ledger.events");
        var headBefore = await Store.GetHeadAsync(Ct);

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(Sample.Append(stream, ExpectedVersion.Exactly(2), Sample.Events(2)), Ct));

        Assert.Equal(3, error.ActualVersion);
        Assert.Equal(2, error.Expected.Version);
        Assert.Equal(eventsBefore, await ScalarAsync<long>("select count(*) from ledger.events"));
        Assert.Equal(headBefore.Position, (await Store.GetHeadAsync(Ct)).Position);
        Assert.Equal(3, (await Store.GetStreamAsync(stream, Ct))!.Version);
    }

    [Fact]
    public async Task Starting_a_stream_that_exists_is_a_concurrency_error()
    {
        var stream = Guid.NewGuid();
        await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Event()), Ct);

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Event()), Ct));

        Assert.Equal(1, error.ActualVersion);
    }

    [Fact]
    public async Task Appending_to_a_missing_stream_at_a_version_is_a_concurrency_error_and_creates_no_stream()
    {
        var stream = Guid.NewGuid();

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(Sample.Append(stream, ExpectedVersion.Exactly(4), Sample.Event()), Ct));

        Assert.Null(await Store.GetStreamAsync(stream, Ct));
    }

    [Fact]
    public async Task Retrying_an_append_with_the_same_id_returns_the_first_result_and_writes_nothing()
    {
        var stream = Guid.NewGuid();
        var request = Sample.Append(stream, ExpectedVersion.NoStream, Sample.Events(3));
        var first = await Store.AppendAsync(request, Ct);
        var count = await ScalarAsync<long>("select count(*) from ledger.events");

        var retried = await Store.AppendAsync(request, Ct);

        Assert.True(retried.Duplicate);
        Assert.Equal(first with { Duplicate = true }, retried);
        Assert.Equal(count, await ScalarAsync<long>("select count(*) from ledger.events"));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_append_write_it_once()
    {
        var stream = Guid.NewGuid();
        var request = Sample.Append(stream, ExpectedVersion.Any, Sample.Events(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.AppendAsync(request, Ct))));

        Assert.Single(results, r => !r.Duplicate);
        Assert.Single(results.Select(r => r.FirstPosition).Distinct());
        Assert.Equal(2L, (await Store.GetStreamAsync(stream, Ct))!.Version);
    }

    [Fact]
    public async Task An_append_id_reused_for_another_stream_is_refused()
    {
        var request = Sample.Append(Guid.NewGuid(), ExpectedVersion.Any, Sample.Event());
        await Store.AppendAsync(request, Ct);
        var reused = new AppendRequest(Guid.NewGuid(), Sample.StreamType, ExpectedVersion.Any, request.AppendId, [Sample.Event()]);

        await Assert.ThrowsAsync<AppendIdReusedException>(() => Store.AppendAsync(reused, Ct));
    }

    [Fact]
    public async Task A_stream_keeps_its_type()
    {
        var stream = Guid.NewGuid();
        await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.Any, Sample.Event()), Ct);
        var other = new AppendRequest(stream, "imaging_study", ExpectedVersion.Any, Guid.NewGuid(), [Sample.Event()]);

        await Assert.ThrowsAsync<StreamTypeMismatchException>(() => Store.AppendAsync(other, Ct));
    }

    [Theory]
    [InlineData(ActorRole.Auditor)]
    [InlineData(ActorRole.Researcher)]
    public void Auditors_and_researchers_cannot_build_an_append(ActorRole role)
    {
        var error = Assert.Throws<AppendForbiddenException>(() => Sample.Append(Guid.NewGuid(), ExpectedVersion.Any, Sample.Event(role: role)));

        Assert.Equal(role, error.Role);
    }

    [Theory]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("{} {}", "not valid JSON")]
    public void Event_data_that_is_not_one_JSON_object_is_refused_with_the_reason(string data, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Sample.Event("x_recorded", data));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("x_recorded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_reads_as_of_a_past_version_and_a_past_time()
    {
        var stream = Guid.NewGuid();
        var first = await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Events(2)), Ct);
        var between = await ScalarAsync<DateTime>("select clock_timestamp()");
        await Store.AppendAsync(Sample.Append(stream, first.NextExpectedVersion, Sample.Events(3)), Ct);

        var atVersion3 = await Store.ReadStreamAsync(stream, StreamRange.UpToVersion(3), Ct);
        var atTime = await Store.ReadStreamAsync(stream, StreamRange.AsOfTime(new DateTimeOffset(DateTime.SpecifyKind(between, DateTimeKind.Utc))), Ct);
        var fromVersion4 = await Store.ReadStreamAsync(stream, StreamRange.From(4), Ct);

        Assert.Equal([1L, 2L, 3L], atVersion3.Select(e => e.StreamVersion));
        Assert.Equal([1L, 2L], atTime.Select(e => e.StreamVersion));
        Assert.Equal([4L, 5L], fromVersion4.Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Recorded_at_never_decreases_along_the_log()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(2)), Ct);
            }
        })));

        var decreasing = await ScalarAsync<long>(
            "select count(*) from (select recorded_at < lag(recorded_at) over (order by position) as back from ledger.events) t where back");

        Assert.Equal(0, decreasing);
    }

    [Fact]
    public async Task A_second_append_in_one_transaction_is_refused()
    {
        await using var connection = await DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await Store.AppendAsync(transaction, Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.AppendAsync(transaction, Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Event()), Ct));

        Assert.Contains("one append per transaction", error.Message, StringComparison.Ordinal);
    }
}
