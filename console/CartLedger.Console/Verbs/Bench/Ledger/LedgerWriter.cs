using CartLedger.Ledger;
using CartLedger.Ledger.Appending;
using CartLedger.Ledger.Events;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// Appends batches of procedure-shaped events: each writer owns a few streams and keeps their expected versions,
/// as command handlers do, so no append is wasted on a conflict.
/// </summary>
internal sealed class LedgerWriter(EventStore store, string[] payloads, int eventsPerAppend, int writers)
{
    private const int StreamsPerWriter = 16;
    private readonly (Guid Id, long Version)[][] _streams =
        [.. Enumerable.Range(0, writers).Select(_ => Enumerable.Range(0, StreamsPerWriter).Select(_ => (Guid.NewGuid(), 0L)).ToArray())];
    private readonly int[] _turn = new int[writers];
    private long _next;

    private static readonly EventMetadata Metadata = new(new Actor("bench", "Benchmark Writer", ActorRole.Worker), "bench", Guid.NewGuid(), null, "bench");

    public async Task<int> AppendBatchAsync(int writer, CancellationToken cancellationToken)
    {
        var slot = _turn[writer]++ % StreamsPerWriter;
        var (streamId, version) = _streams[writer][slot];
        var first = Interlocked.Add(ref _next, eventsPerAppend) - eventsPerAppend;
        var events = Enumerable.Range(0, eventsPerAppend)
            .Select(i => new NewEvent(Guid.NewGuid(), "lead_position_measured", 1, payloads[(first + i) % payloads.Length], Metadata))
            .ToArray();
        var result = await store.AppendAsync(
            new AppendRequest(streamId, "crt_procedure", ExpectedVersion.Exactly(version), Guid.NewGuid(), events), cancellationToken);
        _streams[writer][slot] = (streamId, result.StreamVersion);
        return eventsPerAppend;
    }
}
