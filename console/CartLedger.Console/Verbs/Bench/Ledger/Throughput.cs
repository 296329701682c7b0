using System.Diagnostics;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>Runs concurrent writer loops for a fixed time after a warm-up and counts what they wrote.</summary>
internal static class Throughput
{
    /// <summary>Rows (or events) per second over <paramref name="duration"/>; <paramref name="writeOnce"/> writes one batch for writer w and returns its size.</summary>
    public static async Task<double> PerSecondAsync(int writers, TimeSpan warmUp, TimeSpan duration,
        Func<int, CancellationToken, Task<int>> writeOnce, CancellationToken cancellationToken)
    {
        long counted = 0;
        var measuring = false;
        var stop = false;
        var loops = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var rows = await writeOnce(w, cancellationToken);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Add(ref counted, rows);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.Delay(warmUp, cancellationToken);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration, cancellationToken);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        var total = Interlocked.Read(ref counted);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        return total / seconds;
    }
}
