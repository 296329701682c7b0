using System.Diagnostics;
using CartLedger.Ledger;
using CartLedger.Ledger.Subscriptions;
using CartLedger.Ledger.Verifying;
using CartLedger.Projections.AuditTrail;
using CartLedger.Projections.Running;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// The benchmark's phases on a scratch database: baseline and ledger appends alternating for several rounds
/// (the machine is shared: alternation spreads the noise over both), projection lag under load, verification.
/// </summary>
internal static class LedgerBenchRun
{
    private const int Seed = 20260301;

    private static async Task<(double P50, double P99)> MeasureLagAsync(EventStore store, LedgerWriter writer, LedgerBenchSettings settings, CancellationToken cancellationToken)
    {
        var probe = new LagProbe(new AuditTrailProjection());
        var daemon = new ProjectionDaemon(store, [probe]);
        await daemon.CatchUpAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = daemon.RunAsync(stop.Token);
        var startedAt = await DatabaseNowAsync(store, cancellationToken);
        probe.MeasureFrom = startedAt + settings.WarmUp;
        await Throughput.PerSecondAsync(settings.Writers, settings.WarmUp, settings.Duration, writer.AppendBatchAsync, cancellationToken);
        var head = (await store.GetHeadAsync(cancellationToken)).Position;
        var checkpoint = new Subscription(store, ProjectionDaemon.CheckpointName(probe), probe);
        while (await checkpoint.GetCheckpointAsync(cancellationToken) < head)
        {
            await Task.Delay(20, cancellationToken);
        }
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return (Math.Round(LagProbe.Percentile(probe.LagsMs, 0.50), 1), Math.Round(LagProbe.Percentile(probe.LagsMs, 0.99), 1));
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(EventStore store, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("select clock_timestamp()");
        return new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!, DateTimeKind.Utc));
    }

    public static async Task<LedgerBenchResult> RunAsync(string serverConnectionString, LedgerBenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(serverConnectionString, settings.Writers * 2 + 8, cancellationToken);
        var store = await EventStore.OpenAsync(scratch.DataSource, cancellationToken: cancellationToken);
        var payloads = BenchPayload.Create(997, settings.PayloadBytes, Seed);
        var baseline = new BaselineWriter(scratch.DataSource, payloads, settings.EventsPerAppend);
        await baseline.CreateTableAsync(cancellationToken);
        var ledger = new LedgerWriter(store, payloads, settings.EventsPerAppend, settings.Writers);

        var baselineRates = new List<double>();
        var appendRates = new List<double>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            // Odd rounds run the baseline first, even rounds the ledger first: neither always gets the fresher machine.
            var phases = new (string Name, Func<int, CancellationToken, Task<int>> Write, List<double> Rates)[]
            {
                ("baseline inserts", baseline.WriteBatchAsync, baselineRates),
                ("ledger appends", ledger.AppendBatchAsync, appendRates),
            };
            foreach (var phase in round % 2 == 1 ? phases : phases.Reverse())
            {
                progress($"round {round}/{settings.Rounds}: {phase.Name}");
                phase.Rates.Add(await Throughput.PerSecondAsync(settings.Writers, settings.WarmUp, settings.Duration, phase.Write, cancellationToken));
            }
        }

        progress("projection lag under load (async audit-trail projection while the writers append)");
        var (lagP50, lagP99) = await MeasureLagAsync(store, ledger, settings, cancellationToken);

        progress("verifying the whole ledger");
        var clock = Stopwatch.StartNew();
        var report = await new ChainVerifier(scratch.DataSource).VerifyLedgerAsync(cancellationToken: cancellationToken);
        var verifyRate = report.EventsChecked / clock.Elapsed.TotalSeconds;

        var append = appendRates.Average();
        var baselineRate = baselineRates.Average();
        return new LedgerBenchResult(Math.Round(append), Math.Round(baselineRate), Math.Round(append / baselineRate, 3), lagP50, lagP99,
            Math.Round(verifyRate), report.EventsChecked, report.Intact, [.. appendRates.Select(r => Math.Round(r))], [.. baselineRates.Select(r => Math.Round(r))],
            settings.Writers, settings.EventsPerAppend, settings.PayloadBytes, settings.Seconds, Environment.ProcessorCount);
    }
}
