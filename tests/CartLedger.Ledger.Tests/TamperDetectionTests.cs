using CartLedger.Ledger.Tests.Support;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Ledger.Tests;

/// <summary>
/// Audit item AT-07: a superuser changes the record behind the ledger's back; verification finds the first
/// inconsistent position exactly. Each case damages a database of its own.
/// </summary>
public class TamperDetectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(VerificationReport Report, ScratchLedger Ledger)> VerifyAfterTamperingAsync(string sql)
    {
        var ledger = await ScratchLedger.CreateAsync(cancellationToken: Ct);
        if (!await ledger.IsSuperuserAsync())
        {
            await ledger.DisposeAsync();
            Assert.Skip("tampering needs a superuser connection");
        }
        await ledger.TamperAsync(sql);
        return (await new ChainVerifier(ledger.DataSource).VerifyLedgerAsync(cancellationToken: Ct), ledger);
    }

    [Fact]
    public async Task An_untouched_ledger_verifies_with_csharp_hashes_equal_to_the_sql_ones()
    {
        await using var ledger = await ScratchLedger.CreateAsync(cancellationToken: Ct);
        var verifier = new ChainVerifier(ledger.DataSource);

        var report = await verifier.VerifyLedgerAsync(cancellationToken: Ct);
        var stream = await verifier.VerifyStreamAsync(ledger.Streams[1], Ct);

        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(18, report.EventsChecked);
        Assert.Equal((await ledger.Store.GetHeadAsync(Ct)).LogHash, report.LogHash);
        Assert.True(stream.Intact, stream.FirstBreak?.Reason);
        Assert.Equal(6, stream.EventsChecked);
    }

    [Fact]
    public async Task Changing_one_byte_of_a_stored_event_is_reported_at_exactly_that_event()
    {
        await using var ledger = await ScratchLedger.CreateAsync(cancellationToken: Ct);
        Assert.SkipUnless(await ledger.IsSuperuserAsync(), "tampering needs a superuser connection");
        await ledger.TamperAsync("update ledger.events set data_text = replace(data_text, 'note 2', 'note 3') where position = 8");
        var verifier = new ChainVerifier(ledger.DataSource);

        var report = await verifier.VerifyLedgerAsync(cancellationToken: Ct);
        var streamOfEvent8 = ledger.Streams[0]; // positions 1-2 stream 0, 3-4 stream 1, 5-6 stream 2, 7-8 stream 0, ...
        var stream = await verifier.VerifyStreamAsync(streamOfEvent8, Ct);

        Assert.Equal(new ChainBreak(8, streamOfEvent8, 4, ChainBreakKind.HashMismatch, report.FirstBreak!.Reason), report.FirstBreak);
        Assert.Equal(7, report.EventsChecked);
        Assert.Equal(8, stream.FirstBreak?.Position);
        Assert.Equal(ChainBreakKind.HashMismatch, stream.FirstBreak?.Kind);
    }

    [Fact]
    public async Task Changing_metadata_is_reported_at_that_event()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("update ledger.events set metadata_text = replace(metadata_text, 'Ana Souza', 'Ana Sousa') where position = 11");
        await using var _ = ledger;

        Assert.Equal((11L, ChainBreakKind.HashMismatch), (report.FirstBreak!.Position, report.FirstBreak.Kind));
    }

    [Fact]
    public async Task Changing_only_the_jsonb_copy_of_the_data_is_reported_at_that_event()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("update ledger.events set data = data || '{\"n\": 99}' where position = 6");
        await using var _ = ledger;

        Assert.Equal((6L, ChainBreakKind.JsonMismatch), (report.FirstBreak!.Position, report.FirstBreak.Kind));
    }

    [Fact]
    public async Task Deleting_an_event_is_reported_at_the_missing_position()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("delete from ledger.events where position = 5");
        await using var _ = ledger;

        Assert.Equal((5L, ChainBreakKind.PositionGap), (report.FirstBreak!.Position, report.FirstBreak.Kind));
    }

    [Fact]
    public async Task Deleting_the_newest_event_and_rewinding_the_head_is_caught_by_its_stream()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("""
            delete from ledger.events where position = 18;
            update ledger.log_head set position = 17, log_hash = (select log_hash from ledger.events where position = 17);
            """);
        await using var _ = ledger;

        Assert.Equal((18L, ChainBreakKind.HeadMismatch, ledger.Streams[2]), (report.FirstBreak!.Position, report.FirstBreak.Kind, report.FirstBreak.StreamId!.Value));
    }

    [Fact]
    public async Task Swapping_two_events_is_reported_at_the_earlier_position()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("""
            update ledger.events set position = position + 1000 where position in (9, 14);
            update ledger.events set position = case position when 1009 then 14 else 9 end where position in (1009, 1014);
            """);
        await using var _ = ledger;

        Assert.Equal(9, report.FirstBreak!.Position);
    }

    [Fact]
    public async Task Swapping_the_contents_of_two_events_of_one_stream_is_reported_at_the_earlier_one()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("""
            update ledger.events e set data_text = o.data_text
            from ledger.events o where (e.position, o.position) in ((3, 4), (4, 3));
            """);
        await using var _ = ledger;

        Assert.Equal((3L, ChainBreakKind.HashMismatch), (report.FirstBreak!.Position, report.FirstBreak.Kind));
    }

    [Fact]
    public async Task A_forged_event_appended_behind_the_ledger_is_caught_by_the_log_head()
    {
        var (report, ledger) = await VerifyAfterTamperingAsync("""
            insert into ledger.events (position, event_id, stream_id, stream_version, event_type, schema_version, data_text, metadata_text,
                                       data, metadata, recorded_at, prev_hash, hash, log_hash)
            select 19, gen_random_uuid(), stream_id, 7, event_type, 1, data_text, metadata_text, data, metadata, recorded_at, hash, hash, log_hash
            from ledger.events where position = 18;
            """);
        await using var _ = ledger;

        Assert.Equal(19, report.FirstBreak!.Position);
    }
}
