using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Ledger.Tests;

/// <summary>Audit item AT-01: the database itself keeps the record append-only and read-only for auditors and researchers.</summary>
public class DatabaseGuardTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private const string RefusedByTrigger = "CLA01";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (await ScalarAsync<long>("select count(*) from ledger.events") == 0)
        {
            await Store.AppendAsync(Sample.Append(Guid.NewGuid(), ExpectedVersion.NoStream, Sample.Events(3)) with { Blobs = [[1, 2, 3]] }, Ct);
        }
    }

    private async Task<PostgresException> RefusedAsync(string sql, string? role = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        if (role is not null)
        {
            await using var setRole = new NpgsqlCommand($"set local role {role}", connection, transaction);
            await setRole.ExecuteNonQueryAsync(Ct);
        }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
    }

    private async Task SkipUnlessSuperuserAsync() =>
        Assert.SkipUnless(await ScalarAsync<bool>("select rolsuper from pg_roles where rolname = current_user"), "needs a superuser connection (SET ROLE)");

    [Theory]
    [InlineData("update ledger.events set event_type = 'x'")]
    [InlineData("delete from ledger.events")]
    [InlineData("truncate ledger.events cascade")]
    [InlineData("update ledger.blobs set size_bytes = 0")]
    [InlineData("truncate ledger.checkpoints")]
    public async Task Changing_the_record_is_refused_even_for_the_owner_and_a_superuser(string sql)
    {
        var error = await RefusedAsync(sql);

        Assert.Equal(RefusedByTrigger, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update ledger.events set event_type = 'x'")]
    [InlineData("delete from ledger.events")]
    [InlineData("truncate ledger.events cascade")]
    public async Task Changing_the_record_is_refused_for_a_table_owner_who_is_not_a_superuser(string sql)
    {
        await SkipUnlessSuperuserAsync();
        await ExecuteAsync("""
            do $$ begin create role cartledger_test_owner nologin; exception when duplicate_object or unique_violation then null; end $$;
            """);
        await using var connection = await DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using var setup = new NpgsqlCommand(
            "grant usage on schema ledger to cartledger_test_owner; alter table ledger.events owner to cartledger_test_owner; set local role cartledger_test_owner",
            connection, transaction);
        await setup.ExecuteNonQueryAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Equal(RefusedByTrigger, error.SqlState);
    }

    [Theory]
    [InlineData("cartledger_auditor")]
    [InlineData("cartledger_researcher")]
    public async Task Auditors_and_researchers_cannot_append_even_through_the_database(string role)
    {
        await SkipUnlessSuperuserAsync();

        var viaFunction = await RefusedAsync(
            "select ledger.append(gen_random_uuid(), 'p', null, gen_random_uuid(), array[gen_random_uuid()], array['t'], array[1], array['{}'], array['{}'], array[null::timestamptz])", role);
        var direct = await RefusedAsync("insert into ledger.streams (stream_id, stream_type, version) values (gen_random_uuid(), 'p', 0)", role);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, viaFunction.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, direct.SqlState);
    }

    [Fact]
    public async Task Auditors_read_the_ledger_and_researchers_do_not()
    {
        await SkipUnlessSuperuserAsync();
        await using var connection = await DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using var command = new NpgsqlCommand("set local role cartledger_auditor; select count(*) from ledger.events", connection, transaction);

        var seenByAuditor = (long)(await command.ExecuteScalarAsync(Ct))!;
        var researcher = await RefusedAsync("select count(*) from ledger.events", "cartledger_researcher");

        Assert.True(seenByAuditor > 0);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, researcher.SqlState);
    }

    [Fact]
    public async Task An_event_attributed_to_an_auditor_is_refused_by_the_table_itself()
    {
        var metadata = """{"actor":{"id":"a-1","name":"Audrey Auditor","role":"auditor"},"terminal":"qa-1","correlationId":"4b9b1f0e-8d3a-4d7e-9a55-2b8c3f2d9e11","softwareVersion":"x"}""";

        var error = await RefusedAsync(
            $"select ledger.append(gen_random_uuid(), 'p', null, gen_random_uuid(), array[gen_random_uuid()], array['t'], array[1], array['{{}}'], array['{metadata}'], array[null::timestamptz])");

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task A_writer_role_may_append_through_the_function_but_not_insert_directly()
    {
        await SkipUnlessSuperuserAsync();
        var metadata = Events.MetadataJson.Write(Sample.Metadata());
        await using (var connection = await DataSource.OpenConnectionAsync(Ct))
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await using (var setRole = new NpgsqlCommand("set local role cartledger_staff", connection, transaction))
            {
                await setRole.ExecuteNonQueryAsync(Ct);
            }
            await using var append = new NpgsqlCommand(
                "select count(*) from ledger.append(gen_random_uuid(), 'p', 0, gen_random_uuid(), array[gen_random_uuid()], array['t'], array[1], array['{}'], array[$1], array[null::timestamptz])",
                connection, transaction);
            append.Parameters.AddWithValue(metadata);
            Assert.Equal(1L, await append.ExecuteScalarAsync(Ct));
            await transaction.RollbackAsync(Ct);
        }

        var direct = await RefusedAsync("insert into ledger.events (position) values (1000000)", "cartledger_staff");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, direct.SqlState);
    }
}
