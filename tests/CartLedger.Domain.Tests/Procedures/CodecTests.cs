using System.Text;
using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Testing;

namespace CartLedger.Domain.Tests.Procedures;

public class CodecTests
{
    /// <summary>One event of every stored type: the demo's, plus those the demo does not produce.</summary>
    internal static IReadOnlyList<ProcedureEvent> OneOfEach()
    {
        var (events, _) = DemoHistory.Run();
        var extra = SampleCommands.All().Where(s => s.Command is TracePhrenicNerve or MarkCoronarySinusOstium or RejectRegistration or MarkFluoroscopyLandmarks or MarkElectrode or RecordFluoroscopyOverlays or RecordComputationFailure)
            .SelectMany(s => ProcedureDecider.Decide(s.Command with { OccurredAt = new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero) }, s.State, DemoHistory.Now));
        return [.. events.Concat(extra).GroupBy(EventCatalog.NameOf).Select(g => g.First()).OrderBy(EventCatalog.NameOf, StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_event_record_is_in_the_catalog_under_a_unique_snake_case_name()
    {
        var types = typeof(ProcedureEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProcedureEvent)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(types.OrderBy(t => t.Name), EventCatalog.All.Select(e => e.ClrType).OrderBy(t => t.Name));
        Assert.Equal(EventCatalog.All.Count, EventCatalog.All.Select(e => e.Name).Distinct().Count());
        Assert.All(EventCatalog.All, e => Assert.Matches("^[a-z]+(_[a-z]+)*$", e.Name));
        Assert.Equal(EventCatalog.All.Count, OneOfEach().Count);
    }

    [Fact]
    public void The_stored_JSON_of_every_event_type_is_pinned()
    {
        // An accidental shape change fails here. A deliberate one adds a schema version, an upcaster and a new snapshot
        // (set CARTLEDGER_ACCEPT_SNAPSHOTS=1 once to write missing snapshot files, then review and commit them).
        var folder = Path.Combine(RepoPaths.Root, "tests", "CartLedger.Domain.Tests", "Procedures", "Snapshots");
        var accept = Environment.GetEnvironmentVariable("CARTLEDGER_ACCEPT_SNAPSHOTS") == "1";
        var mismatches = new List<string>();
        foreach (var e in OneOfEach())
        {
            var encoded = ProcedureEventCodec.Encode(e);
            var path = Path.Combine(folder, $"{encoded.EventType}.v{encoded.SchemaVersion}.json");
            if (!File.Exists(path) && accept)
            {
                File.WriteAllText(path, encoded.Json + "\n");
            }
            var pinned = File.Exists(path) ? File.ReadAllText(path).TrimEnd('\n') : "(missing)";
            if (pinned != encoded.Json)
            {
                mismatches.Add($"{Path.GetFileName(path)}:\n  pinned: {pinned}\n  actual: {encoded.Json}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_event_round_trips_through_its_stored_JSON()
    {
        foreach (var e in OneOfEach().Concat(DemoHistory.Run().Events))
        {
            var encoded = ProcedureEventCodec.Encode(e);
            Assert.Equal(e, ProcedureEventCodec.Decode(encoded.EventType, encoded.SchemaVersion, encoded.Utf8Json));
            Assert.Equal(encoded.Json, ProcedureEventCodec.Encode(e).Json);
        }
    }

    [Fact]
    public void A_version_1_follow_up_is_read_as_a_six_month_visit()
    {
        const string v1 = """{"by":{"user_id":"dr.devries","printed_name":"Dr. A. de Vries","role":"cardiologist"},"occurred_at":"2025-09-08T09:00:00+00:00","lvesv_ml":101,"lvedv_ml":154,"lvef_percent":35,"nt_pro_bnp_pg_ml":null}""";
        var decoded = Assert.IsType<FollowUpRecorded>(ProcedureEventCodec.Decode("follow_up_recorded", 1, v1));
        Assert.Equal(AssessmentVisit.SixMonths, decoded.Visit);
        Assert.Equal(101, decoded.Echo.LvesvMl.Value);
        Assert.Null(decoded.Echo.NtProBnpPgMl);
        Assert.Equal(DemoUsers.Cardiologist.SignInName, decoded.By.UserId);
        Assert.Equal(2, ProcedureEventCodec.Encode(decoded).SchemaVersion);
    }

    [Fact]
    public void A_version_1_treatment_export_is_read_with_an_unknown_scar()
    {
        const string v1 = """{"by":{"user_id":"wk.compute-01","printed_name":"Compute worker 01","role":"worker"},"occurred_at":"2026-03-04T09:10:00+00:00","files":[{"kind":"scar_and_targets","sop_instance_uid":"1.2.3","sha256":"cf11ef1e57532ee4d93e6ba38ffcb6dc0032d7a1128eecff8b7a7b19780d55ee"}]}""";
        var decoded = Assert.IsType<TreatmentFilesExported>(ProcedureEventCodec.Decode("treatment_files_exported", 1, v1));
        Assert.Null(decoded.Scar);
        Assert.Equal("1.2.3", Assert.Single(decoded.Files).SopInstanceUid);
        Assert.Equal(2, ProcedureEventCodec.Encode(decoded).SchemaVersion);
    }

    [Fact]
    public void A_correction_holding_a_version_1_replacement_is_upcast_too()
    {
        const string v1Data = """{"by":{"user_id":"dr.devries","printed_name":"Dr. A. de Vries","role":"cardiologist"},"occurred_at":"2025-09-08T09:00:00+00:00","lvesv_ml":99,"lvedv_ml":150,"lvef_percent":34,"nt_pro_bnp_pg_ml":410}""";
        var json = $$$"""{"by":{"user_id":"dr.devries","printed_name":"Dr. A. de Vries","role":"cardiologist"},"occurred_at":"2025-09-09T09:00:00+00:00","corrected_version":27,"corrected_event_type":"follow_up_recorded","reason":"typo","replacement":{"event_type":"follow_up_recorded","schema_version":1,"data":{{{v1Data}}}}}""";
        var correction = Assert.IsType<CorrectionRecorded>(ProcedureEventCodec.Decode("correction_recorded", 1, json));
        Assert.Equal(410, ((FollowUpRecorded)correction.Replacement).Echo.NtProBnpPgMl!.Value.Value);
    }

    [Theory]
    [InlineData("no_such_event", 1, "{}", "unknown procedure event type 'no_such_event'")]
    [InlineData("follow_up_recorded", 3, "{}", "schema version 3 is not between 1 and 2")]
    [InlineData("procedure_completed", 1, """{"by":{"user_id":"u","printed_name":"P","role":"cardiologist"},"occurred_at":"2026-01-01T00:00:00+00:00","outcome":"transvenous_lead","note":null,"extra":1}""", "cannot decode 'procedure_completed'")]
    [InlineData("procedure_completed", 1, """{"by":{"user_id":"u","printed_name":"P","role":"cardiologist"},"occurred_at":"2026-01-01T00:00:00+00:00","outcome":"teleported","note":null}""", "cannot decode 'procedure_completed'")]
    [InlineData("procedure_completed", 1, """{"by":{"user_id":"u","printed_name":"P","role":"cardiologist"},"occurred_at":"2026-01-01T00:00:00+00:00","outcome":"transvenous_lead"}""", "cannot decode 'procedure_completed'")]
    [InlineData("follow_up_recorded", 2, """{"by":{"user_id":"u","printed_name":"P","role":"cardiologist"},"occurred_at":"2026-01-01T00:00:00+00:00","visit":"baseline","echo":{"lvesv_ml":-5,"lvedv_ml":150,"lvef_percent":34,"nt_pro_bnp_pg_ml":null}}""", "a volume must be a number")]
    public void Stored_JSON_that_does_not_fit_is_refused_naming_the_event_type(string type, int version, string json, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => ProcedureEventCodec.Decode(type, version, Encoding.UTF8.GetBytes(json)));
        Assert.True(error is EventDecodingException or UnknownEventTypeException);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
