using System.Text.Json.Nodes;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Ledger.Upcasting;
using CartLedger.Ledger.Verifying;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

/// <summary>
/// Old event shapes read as current ones. The example: <c>study_imported</c> v1 counted files only; v2 lists the
/// series (one per modality, as imports of a CMR exam hold cine and LGE); v3 names the unit of the slice
/// thickness. Stored bytes (and their hashes) never change.
/// </summary>
public class UpcastingTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private static readonly UpcasterRegistry Upcasters = UpcasterRegistry.Empty
        .With("study_imported", 1, v1 => new JsonObject
        {
            ["series"] = new JsonArray(new JsonObject { ["modality"] = v1["modality"]?.DeepClone(), ["files"] = v1["files"]?.DeepClone(), ["sliceThickness"] = v1["sliceThickness"]?.DeepClone() }),
        })
        .With("study_imported", 2, v2 =>
        {
            foreach (var series in v2["series"]!.AsArray().OfType<JsonObject>())
            {
                series["sliceThicknessMm"] = series["sliceThickness"]?.DeepClone();
                series.Remove("sliceThickness");
            }
            return v2;
        });

    protected override EventStore CreateStore(LedgerOptions options) => new(DataSource, options with { Upcasters = Upcasters });

    [Fact]
    public async Task A_version_1_event_stored_long_ago_is_read_as_version_3_and_still_verifies()
    {
        var stream = Guid.NewGuid();
        var v1 = new NewEvent(Guid.NewGuid(), "study_imported", 1, """{"modality":"MR","files":48,"sliceThickness":8.0}""", Sample.Metadata(ActorRole.Analyst));
        await Store.AppendAsync(new AppendRequest(stream, Sample.StreamType, ExpectedVersion.NoStream, Guid.NewGuid(), [v1]), Ct);

        var read = (await Store.ReadStreamAsync(stream, cancellationToken: Ct)).Single();
        var stored = await ScalarAsync<string>("select data_text from ledger.events where event_id = $1", v1.EventId);

        Assert.Equal(3, read.SchemaVersion);
        Assert.Equal(1, read.StoredSchemaVersion);
        Assert.Equal("""{"series":[{"modality":"MR","files":48,"sliceThicknessMm":8.0}]}""", read.Data);
        Assert.Equal(v1.Data, stored);
        Assert.True((await new ChainVerifier(DataSource).VerifyStreamAsync(stream, cancellationToken: Ct)).Intact);
    }

    [Fact]
    public async Task A_current_event_is_read_unchanged()
    {
        var stream = Guid.NewGuid();
        var v3 = new NewEvent(Guid.NewGuid(), "study_imported", 3, """{"series":[]}""", Sample.Metadata(ActorRole.Analyst));
        await Store.AppendAsync(new AppendRequest(stream, Sample.StreamType, ExpectedVersion.NoStream, Guid.NewGuid(), [v3]), Ct);

        var read = (await Store.ReadStreamAsync(stream, cancellationToken: Ct)).Single();

        Assert.Equal((3, 3, v3.Data), (read.SchemaVersion, read.StoredSchemaVersion, read.Data));
        Assert.Equal(3, Upcasters.CurrentVersion("study_imported", 1));
    }

    [Fact]
    public void Registering_the_same_step_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Upcasters.With("study_imported", 1, j => j));
    }
}
