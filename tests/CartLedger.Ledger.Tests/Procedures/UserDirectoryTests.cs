using CartLedger.Domain.Access;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Ledger.Users;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Ledger.Tests.Procedures;

public class UserDirectoryTests(PostgresDatabase database) : LedgerTestBase(database)
{
    [Fact]
    public async Task A_user_signs_in_with_the_right_password_only()
    {
        var users = new UserDirectory(DataSource);
        Assert.True(await users.TryCreateAsync("dr.test", "Dr. T. Test", Role.Cardiologist, "correct horse", Ct));
        var account = await users.VerifyAsync("dr.test", "correct horse", Ct);
        Assert.Equal(new Actor("dr.test", "Dr. T. Test", Role.Cardiologist), account!.Actor);
        Assert.Null(await users.VerifyAsync("dr.test", "Correct horse", Ct));
        Assert.Null(await users.VerifyAsync("nobody", "correct horse", Ct));
    }

    [Fact]
    public async Task A_sign_in_name_is_never_reassigned_and_users_are_never_deleted()
    {
        var users = new UserDirectory(DataSource);
        Assert.True(await users.TryCreateAsync("op.once", "First Owner", Role.Operator, "first secret", Ct));
        Assert.False(await users.TryCreateAsync("op.once", "Second Owner", Role.Analyst, "second secret", Ct));
        Assert.Equal("First Owner", (await users.FindAsync("op.once", Ct))!.PrintedName);
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("delete from ledger.users where user_id = 'op.once'"));
        Assert.Contains("never deleted", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_hash_is_stored()
    {
        var users = new UserDirectory(DataSource);
        await users.TryCreateAsync("an.hash", "A. Hash", Role.Analyst, "plain-text-secret", Ct);
        var stored = await ScalarAsync<string>("select row(u.*)::text from ledger.users u where user_id = 'an.hash'");
        Assert.DoesNotContain("plain-text-secret", stored, StringComparison.Ordinal);
        Assert.Equal(PasswordHasher.DefaultIterations, await ScalarAsync<int>("select password_iterations from ledger.users where user_id = 'an.hash'"));
    }
}
