using System.Globalization;
using CartLedger.Projections.AuditTrail;
using CartLedger.Projections.Running;
using CartLedger.Projections.StreamActivity;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Brings the audit-trail and stream-activity read models up to date and shows who did what in the procedure.</summary>
public sealed class ProjectStep : IDemoStep
{
    public string Title => "Project the log into read models (audit trail, stream activity)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var stream = context.Recall<Guid>(ProcedureThroughDeciderStep.ProcedureKey);
        var daemon = new ProjectionDaemon(context.Store, [new AuditTrailProjection(), new StreamActivityProjection()]);
        var applied = await daemon.CatchUpAsync(cancellationToken);
        context.Say($"{applied} event applications (2 read models; a first run builds them from position 0)");
        await using var command = context.DataSource.CreateCommand(
            $"select stream_version, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), event_type, actor_name, actor_role, " +
            $"coalesce(reason, ''), coalesce(algorithm || ' ' || algorithm_version, '') from {AuditTrailProjection.Table} where stream_id = $1 order by stream_version");
        command.Parameters.AddWithValue(stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string Line, string Role, string Algorithm)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var algorithm = reader.GetString(6);
            rows.Add((string.Format(CultureInfo.InvariantCulture, "v{0,-3} {1}Z  {2,-28} {3} ({4})  {5}  {6}",
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), algorithm).TrimEnd(),
                reader.GetString(4), algorithm));
        }
        context.Say($"audit trail of the procedure: {rows.Count} events by {string.Join(", ", rows.GroupBy(r => r.Role).Select(g => $"{g.Count()} {g.Key}"))}");
        foreach (var computed in rows.Where(r => r.Algorithm.Length > 0))
        {
            context.Say($"computed: {computed.Line}");
        }
        var file = context.OutputFile("audit-trail.txt");
        await File.WriteAllLinesAsync(file, [$"audit trail of procedure {stream} (recorded times UTC)", .. rows.Select(r => r.Line)], cancellationToken);
        context.Say($"full trail written to {file}");
    }
}
