using CartLedger.Domain.Demo;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Ledger;
using CartLedger.Ledger.Procedures;
using CartLedger.Testing;

namespace CartLedger.Console.Tests.Workers;

/// <summary>Opens a procedure for the verb tests and reads its events back, directly on the test database.</summary>
internal static class VerbProcedures
{
    public static async Task<Guid> OpenAsync(PostgresDatabase database, string pseudonym, CancellationToken cancellationToken)
    {
        await using var dataSource = database.CreateDataSource();
        var store = await EventStore.OpenAsync(dataSource, cancellationToken: cancellationToken);
        var id = Guid.NewGuid();
        await new ProcedureStore(store, TimeProvider.System, "test", "test").HandleAsync(id, new OpenProcedure(DemoUsers.Cardiologist.Actor, DateTimeOffset.UtcNow.AddHours(-1), id, pseudonym, "UMCU",
            new Indication(new Milliseconds(160), true, false, new Percent(25), NyhaClass.II)), Guid.NewGuid(), id, cancellationToken);
        return id;
    }

    public static async Task<IReadOnlyList<ProcedureEvent>> EventsAsync(PostgresDatabase database, Guid procedure, CancellationToken cancellationToken)
    {
        await using var dataSource = database.CreateDataSource();
        var (_, records) = await new ProcedureStore(new EventStore(dataSource), TimeProvider.System, "test", "test").LoadAsync(procedure, cancellationToken);
        return [.. records.Select(r => r.Event)];
    }
}
