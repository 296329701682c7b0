using System.Collections.Concurrent;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Projections;
using Npgsql;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// Wraps a projection and, after each batch is written, reads the database clock in the same transaction:
/// lag = that time - the event's recorded_at (both from the database clock, so no client clock skew enters;
/// the commit that follows adds about a millisecond).
/// </summary>
internal sealed class LagProbe(Projection inner) : Projection
{
    private readonly ConcurrentQueue<double> _lagsMs = new();

    public override string Name => inner.Name;
    public override int Version => inner.Version;
    public override IReadOnlyList<string> Tables => inner.Tables;
    public override string CreateSql => inner.CreateSql;

    public IReadOnlyCollection<double> LagsMs => _lagsMs;

    /// <summary>Only events recorded after this are measured (the warm-up and earlier phases are not).</summary>
    public DateTimeOffset MeasureFrom { get; set; } = DateTimeOffset.MaxValue;

    public override async Task HandleAsync(EventBatch batch, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await inner.HandleAsync(batch, transaction, cancellationToken);
        await using var clock = new NpgsqlCommand("select clock_timestamp()", transaction.Connection, transaction);
        var now = new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await clock.ExecuteScalarAsync(cancellationToken))!, DateTimeKind.Utc));
        foreach (var e in batch.Events.Where(e => e.RecordedAt >= MeasureFrom))
        {
            _lagsMs.Enqueue((now - e.RecordedAt).TotalMilliseconds);
        }
    }

    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
