using System.Text.Json.Nodes;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Ledger.Tests.Support;
using CartLedger.Ledger.Upcasting;
using CartLedger.Ledger.Verifying;
using CartLedger.Testing;

namespace CartLedger.Ledger.Tests;

/// <summary>
/// Old event shapes read as current ones, stored bytes (and their hashes) unchanged. The real example is the
/// domain's: <c>follow_up_recorded</c> v1 (6-month values only) becomes v2 (a visit, values nested as "echo").
/// A second, two-step chain shows that steps compose in order.
/// </summary>
public class UpcastingTests(PostgresDatabase database) : LedgerTestBase(database)
{
    private const string FollowUpV1 =
        """{"by":{"user_id":"dr.devries","printed_name":"Dr. A. de Vries","role":"cardiologist"},"occurred_at":"2025-09-12T10:00:00+00:00","lvesv_ml":118,"lvedv_ml":190,"lvef_percent":34,"nt_pro_bnp_pg_ml":640}""";

    private static readonly UpcasterRegistry Upcasters = ProcedureUpcasters.All
        .Aggregate(UpcasterRegistry.Empty, (registry, u) => registry.With(u.EventType, u.FromVersion, u.Transform))
        .With("sample_measured", 1, v1 => new JsonObject { ["values"] = new JsonArray(v1["value"]?.DeepClone()), ["unit"] = v1["unit"]?.DeepClone() })
        .With("sample_measured", 2, v2 =>
        {
            v2[$"values{v2["unit"]}"] = v2["values"]?.DeepClone();
            v2.Remove("values");
            v2.Remove("unit");
            return v2;
        });

    protected override EventStore CreateStore(LedgerOptions options) => new(DataSource, options with { Upcasters = Upcasters });

    private async Task<Guid> StoreAsync(string type, int version, string data)
    {
        var stream = Guid.NewGuid();
        await Store.AppendAsync(new AppendRequest(stream, "legacy_import", ExpectedVersion.NoStream, Guid.NewGuid(),
            [new NewEvent(Guid.NewGuid(), type, version, data, Sample.Metadata(ActorRole.Worker))]), Ct);
        return stream;
    }

    [Fact]
    public async Task A_version_1_follow_up_is_read_as_version_2_decodes_and_still_verifies()
    {
        var stream = await StoreAsync("follow_up_recorded", 1, FollowUpV1);

        var read = (await Store.ReadStreamAsync(stream, cancellationToken: Ct)).Single();
        var decoded = (FollowUpRecorded)ProcedureEventCodec.Decode(read.EventType, read.SchemaVersion, read.DataUtf8());

        Assert.Equal((2, 1), (read.SchemaVersion, read.StoredSchemaVersion));
        Assert.Equal(AssessmentVisit.SixMonths, decoded.Visit);
        Assert.Contains("\"echo\":{\"lvesv_ml\":118", read.Data, StringComparison.Ordinal);
        Assert.Contains("+00:00", read.Data, StringComparison.Ordinal);
        Assert.Equal(FollowUpV1, await ScalarAsync<string>("select data_text from ledger.events where stream_id = $1", stream));
        Assert.True((await new ChainVerifier(DataSource).VerifyStreamAsync(stream, cancellationToken: Ct)).Intact);
    }

    [Fact]
    public async Task Steps_compose_in_order_and_a_current_event_is_read_unchanged()
    {
        var old = await StoreAsync("sample_measured", 1, """{"value":12.5,"unit":"Mm"}""");
        var current = await StoreAsync("sample_measured", 3, """{"valuesMm":[1.5]}""");

        var upcast = (await Store.ReadStreamAsync(old, cancellationToken: Ct)).Single();
        var unchanged = (await Store.ReadStreamAsync(current, cancellationToken: Ct)).Single();

        Assert.Equal((3, """{"valuesMm":[12.5]}"""), (upcast.SchemaVersion, upcast.Data));
        Assert.Equal((3, 3, """{"valuesMm":[1.5]}"""), (unchanged.SchemaVersion, unchanged.StoredSchemaVersion, unchanged.Data));
        Assert.Equal(3, Upcasters.CurrentVersion("sample_measured", 1));
    }

    [Fact]
    public void Registering_the_same_step_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Upcasters.With("follow_up_recorded", 1, j => j));
    }
}
