namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>The figures of one `bench ledger` run (property names are the JSON contract).</summary>
internal sealed record LedgerBenchResult(
    double AppendEventsPerSec,
    double BaselineRowsPerSec,
    double Ratio,
    double ProjectionLagMsP50,
    double ProjectionLagMsP99,
    double VerifyEventsPerSec,
    long EventsVerified,
    bool LedgerIntact,
    double[] AppendEventsPerSecByRound,
    double[] BaselineRowsPerSecByRound,
    int Writers,
    int EventsPerAppend,
    int PayloadBytes,
    double SecondsPerPhase,
    int ProcessorCount);
