using System.Globalization;
using CartLedger.Projections.AuditTrail;
using CartLedger.Projections.Running;
using CartLedger.Projections.StreamActivity;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Brings the audit-trail and stream-activity read models up to date and shows the procedure's trail.</summary>
public sealed class ProjectStep : IDemoStep
{
    public string Title => "Project the log into read models (audit trail, stream activity)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var stream = context.Recall<Guid>(RecordProcedureStep.ProcedureKey);
        var daemon = new ProjectionDaemon(context.Store, [new AuditTrailProjection(), new StreamActivityProjection()]);
        var applied = await daemon.CatchUpAsync(cancellationToken);
        context.Say($"{applied} event applications (2 read models; a first run builds them from position 0)");
        await using var command = context.Store.DataSource.CreateCommand(
            $"select stream_version, to_char(recorded_at at time zone 'UTC', 'HH24:MI:SS.MS'), event_type, actor_name, actor_role, coalesce(reason, ''), " +
            $"coalesce(algorithm || ' ' || algorithm_version, '') from {AuditTrailProjection.Table} where stream_id = $1 order by stream_version");
        command.Parameters.AddWithValue(stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "v{0} {1}Z {2,-24} {3} ({4}) {5} {6}",
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)).TrimEnd());
        }
        foreach (var line in lines)
        {
            context.Say(line);
        }
        var file = context.OutputFile("audit-trail.txt");
        await File.WriteAllLinesAsync(file, [$"audit trail of procedure {stream} (recorded times UTC)", .. lines], cancellationToken);
        context.Say($"written to {file}");
    }
}
