using System.Diagnostics;
using CartLedger.Ledger;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// The benchmark's phases on a scratch database: baseline and ledger appends alternating for several rounds
/// (the machine is shared: alternation spreads the noise over both), projection lag under load, verification.
/// </summary>
internal static class LedgerBenchRun
{
    private const int Seed = 20260301;

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
            progress($"round {round}/{settings.Rounds}: baseline inserts");
            baselineRates.Add(await Throughput.PerSecondAsync(settings.Writers, settings.WarmUp, settings.Duration, baseline.WriteBatchAsync, cancellationToken));
            progress($"round {round}/{settings.Rounds}: ledger appends");
            appendRates.Add(await Throughput.PerSecondAsync(settings.Writers, settings.WarmUp, settings.Duration, ledger.AppendBatchAsync, cancellationToken));
        }

        progress("projection lag under load");
        var (lagP50, lagP99) = (double.NaN, double.NaN);

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
