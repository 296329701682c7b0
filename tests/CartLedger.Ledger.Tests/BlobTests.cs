using System.Text;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Blobs;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Ledger.Tests;

public class BlobTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private static byte[] DicomLike(int seed, int length = 70_000)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        Encoding.ASCII.GetBytes("DICM").CopyTo(bytes, 128);
        return bytes;
    }

    private static AppendRequest ImportWith(Guid stream, ExpectedVersion expected, params byte[][] files) =>
        new(stream, Sample.StreamType, expected, Guid.NewGuid(),
            [Sample.Event("study_imported", $$"""{"files":[{{string.Join(",", files.Select(f => $"\"{BlobStore.HashOf(f)}\""))}}]}""", ActorRole.Analyst)])
        {
            Blobs = files,
        };

    [Fact]
    public async Task Blobs_commit_with_the_event_that_lists_them_and_read_back_verified()
    {
        var files = new[] { DicomLike(1), DicomLike(2, 1_000) };
        await Store.AppendAsync(ImportWith(Guid.NewGuid(), ExpectedVersion.NoStream, files), Ct);
        var blobs = new BlobStore(DataSource);

        foreach (var file in files)
        {
            Assert.Equal(file, await blobs.GetAsync(BlobStore.HashOf(file), Ct));
        }
        Assert.True(await blobs.ExistsAsync(BlobStore.HashOf(files[1]), Ct));
    }

    [Fact]
    public async Task A_refused_append_leaves_no_blob_behind()
    {
        var stream = Guid.NewGuid();
        await Store.AppendAsync(Sample.Append(stream, ExpectedVersion.NoStream, Sample.Event()), Ct);
        var orphan = DicomLike(3);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(ImportWith(stream, ExpectedVersion.NoStream, orphan), Ct));

        Assert.False(await new BlobStore(DataSource).ExistsAsync(BlobStore.HashOf(orphan), Ct));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => new BlobStore(DataSource).GetAsync(BlobStore.HashOf(orphan), Ct));
    }

    [Fact]
    public async Task The_same_bytes_imported_twice_are_stored_once()
    {
        var file = DicomLike(4);
        await Store.AppendAsync(ImportWith(Guid.NewGuid(), ExpectedVersion.NoStream, file), Ct);
        await Store.AppendAsync(ImportWith(Guid.NewGuid(), ExpectedVersion.NoStream, file), Ct);

        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from ledger.blobs where sha256 = $1", Convert.FromHexString(BlobStore.HashOf(file))));
    }

    [Fact]
    public async Task The_database_refuses_bytes_that_do_not_hash_to_their_key()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync("insert into ledger.blobs (sha256, size_bytes, bytes) values (sha256('a'), 1, 'b')"));

        Assert.Equal("blobs_content_addressed", error.ConstraintName);
    }

    [Fact]
    public async Task Bytes_changed_behind_the_store_are_refused_on_read()
    {
        Assert.SkipUnless(await ScalarAsync<bool>("select rolsuper from pg_roles where rolname = current_user"), "tampering needs a superuser");
        var file = DicomLike(5);
        await Store.AppendAsync(ImportWith(Guid.NewGuid(), ExpectedVersion.NoStream, file), Ct);
        var key = BlobStore.HashOf(file);
        await ExecuteAsync("""
            alter table ledger.blobs drop constraint blobs_content_addressed;
            alter table ledger.blobs disable trigger blobs_append_only;
            update ledger.blobs set bytes = overlay(bytes placing '\xff'::bytea from 1000 for 1) where sha256 = $1;
            alter table ledger.blobs enable trigger blobs_append_only;
            alter table ledger.blobs add constraint blobs_content_addressed check (sha256(bytes) = sha256) not valid;
            """.Replace("$1", $"'\\x{key}'", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<BlobCorruptedException>(() => new BlobStore(DataSource).GetAsync(key, Ct));

        Assert.Equal(key, error.Expected);
        Assert.NotEqual(key, error.Actual);
    }
}
