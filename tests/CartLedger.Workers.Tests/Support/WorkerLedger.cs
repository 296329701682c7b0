using CartLedger.Domain.Access;
using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Ledger;
using CartLedger.Ledger.Procedures;
using CartLedger.Ledger.Schema;
using CartLedger.Testing;
using CartLedger.Workers.Hosting;
using CartLedger.Workers.Import;
using CartLedger.Workers.Support;
using Npgsql;

namespace CartLedger.Workers.Tests.Support;

/// <summary>A fresh, migrated ledger database with what the worker tests use: staff commands, the importer and worker hosts.</summary>
public sealed class WorkerLedger(PostgresDatabase database) : IAsyncDisposable
{
    public static readonly WorkerIdentity Identity = new(DemoUsers.Worker.Actor, "test-host", "test");

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public EventStore Store { get; private set; } = null!;
    public ProcedureStore Procedures { get; private set; } = null!;
    public ProcedureAppender Appender { get; private set; } = null!;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        DataSource = database.CreateDataSource();
        await LedgerSchema.MigrateAsync(DataSource, cancellationToken);
        Store = new EventStore(DataSource);
        Procedures = new ProcedureStore(Store, TimeProvider.System, "test-terminal", "test");
        Appender = new ProcedureAppender(Store, TimeProvider.System, Identity.Terminal, Identity.SoftwareVersion);
    }

    public StudyImporter Importer => new(Appender, Identity);

    public WorkerHost Host(Guid? onlyProcedure = null, string workerId = "test-worker", CartLedger.Cmr.Analysis.CmrParameters? cmr = null) =>
        new(Store, Identity, TimeProvider.System, new WorkerHostOptions { OnlyProcedure = onlyProcedure, WorkerId = workerId, Cmr = cmr ?? CartLedger.Cmr.Analysis.CmrParameters.Default });

    public async Task<Guid> OpenProcedureAsync(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await StaffAsync(id, new OpenProcedure(DemoUsers.Cardiologist.Actor, DateTimeOffset.UtcNow.AddHours(-1), id, "TEST-0001", "UMCU",
            new Indication(new Milliseconds(168), true, false, new Percent(24), NyhaClass.II)), cancellationToken);
        return id;
    }

    public Task<ProcedureAppend> StaffAsync(Guid procedureId, ProcedureCommand command, CancellationToken cancellationToken) =>
        Procedures.HandleAsync(procedureId, command, Guid.NewGuid(), procedureId, cancellationToken);

    public async Task<IReadOnlyList<ProcedureEvent>> EventsAsync(Guid procedureId, CancellationToken cancellationToken) =>
        [.. (await Procedures.LoadAsync(procedureId, cancellationToken)).Records.Select(r => r.Event)];

    public static Actor Cardiologist => DemoUsers.Cardiologist.Actor;
    public static Actor Operator => DemoUsers.Operator.Actor;

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
