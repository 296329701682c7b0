using CartLedger.Projections.AuditTrail;
using CartLedger.Projections.Running;
using CartLedger.Projections.Tests.Support;
using CartLedger.Testing;

namespace CartLedger.Projections.Tests;

public class AuditTrailTests(PostgresDatabase database) : ProcedureLedger(database)
{
    [Fact]
    public async Task The_audit_trail_says_who_did_what_when_in_which_role_why_and_with_which_algorithm()
    {
        var daemon = new ProjectionDaemon(Store, GenericProjections());
        var stream = await AppendProcedureAsync();
        await daemon.CatchUpAsync(Ct);

        await using var command = DataSource.CreateCommand(
            "select event_type, actor_name, actor_role, reason, algorithm, algorithm_version, terminal from projections.audit_trail where stream_id = $1 order by stream_version");
        command.Parameters.AddWithValue(stream);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : reader.GetString(i))));
        }

        Assert.Equal(
        [
            "procedure_scheduled|Sam Operator|operator|-|-|-|cathlab-1",
            "study_imported|Sam Operator|analyst|-|-|-|cathlab-1",
            "scar_segmented|CMR worker|worker|-|fwhm-scar|1.2.0|worker-host-3",
            "target_chosen|Sam Operator|cardiologist|latest activation outside scar|-|-|cathlab-1",
            "lead_position_measured|Sam Operator|cardiologist|-|-|-|cathlab-1",
        ], rows);
        Assert.Equal(5L, await ScalarAsync<long>("select event_count from projections.stream_activity where stream_id = $1", stream));
        Assert.Equal("lead_position_measured", await ScalarAsync<string>("select last_event_type from projections.stream_activity where stream_id = $1", stream));
    }

    [Fact]
    public async Task A_running_daemon_projects_new_events_without_being_asked()
    {
        var daemon = new ProjectionDaemon(Store, [new AuditTrailProjection()]);
        await daemon.EnsureReadyAsync(Ct);
        using var stop = new CancellationTokenSource();
        var running = daemon.RunAsync(stop.Token);
        var stream = await AppendProcedureAsync();

        var projected = 0L;
        for (var attempt = 0; attempt < 200 && projected < 5; attempt++)
        {
            await Task.Delay(50, Ct);
            projected = await ScalarAsync<long>("select count(*) from projections.audit_trail where stream_id = $1", stream);
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(5, projected);
    }
}
