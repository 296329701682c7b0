namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>What `bench ledger` measures with: the workload by default (~1 KB events, 10 per append, 4 writers).</summary>
internal sealed record LedgerBenchSettings(int Writers = 4, int EventsPerAppend = 10, int PayloadBytes = 1024, double Seconds = 5, int Rounds = 2)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(1, Seconds / 2));
}
