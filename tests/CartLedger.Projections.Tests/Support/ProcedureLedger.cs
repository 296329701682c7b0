using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;
using CartLedger.Projections.AuditTrail;
using CartLedger.Projections.Running;
using CartLedger.Projections.StreamActivity;
using CartLedger.Testing;
using Npgsql;

namespace CartLedger.Projections.Tests.Support;

/// <summary>A test class's database with the ledger and projections schemas, and procedure-shaped appends.</summary>
public abstract class ProcedureLedger(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;
    protected EventStore Store { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        DataSource = database.CreateDataSource();
        await ProjectionsSchema.MigrateAsync(DataSource, Ct);
        Store = new EventStore(DataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static Projection[] GenericProjections() => [new AuditTrailProjection(), new StreamActivityProjection()];

    protected static EventMetadata Staff(ActorRole role = ActorRole.Operator, string? reason = null) =>
        new(new Actor("u-7", "Sam Operator", role), "cathlab-1", Guid.NewGuid(), null, "0.1.0-test") { Reason = reason };

    protected static EventMetadata Computed(string algorithm) =>
        new(new Actor("worker-cmr-1", "CMR worker", ActorRole.Worker), "worker-host-3", Guid.NewGuid(), Guid.NewGuid(), "0.1.0-test")
        {
            Computation = Computation.Create(algorithm, "1.2.0", new { thresholdFraction = 0.5 },
                [new ComputationInput("lge-series", new string('a', 64))], new string('b', 64)),
        };

    /// <summary>A short procedure: scheduled, study imported, scar segmented (computed), target chosen, lead measured.</summary>
    protected async Task<Guid> AppendProcedureAsync(EventStore? store = null)
    {
        store ??= Store;
        var stream = Guid.NewGuid();
        NewEvent E(string type, string data, EventMetadata metadata) => new(Guid.NewGuid(), type, 1, data, metadata);
        var steps = new[]
        {
            E("procedure_scheduled", """{"room":"cathlab-1"}""", Staff()),
            E("study_imported", """{"modality":"MR","files":48}""", Staff(ActorRole.Analyst)),
            E("scar_segmented", """{"scarBurdenPercent":12.4}""", Computed("fwhm-scar")),
            E("target_chosen", """{"segment36":17}""", Staff(ActorRole.Cardiologist, "latest activation outside scar")),
            E("lead_position_measured", """{"segment36":18,"category":"adjacent","distanceToTargetMm":9.1}""", Staff(ActorRole.Cardiologist)),
        };
        var version = 0L;
        foreach (var step in steps)
        {
            version = (await store.AppendAsync(new AppendRequest(stream, "crt_procedure", ExpectedVersion.Exactly(version), Guid.NewGuid(), [step]), Ct)).StreamVersion;
        }
        return stream;
    }

    protected async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected async Task<string[]> HashesAsync(IEnumerable<Projection> projections) =>
        await Task.WhenAll(projections.SelectMany(p => p.Tables).Select(t => TableHash.ComputeAsync(DataSource, t, Ct)));
}
