using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartLedger.Ledger.Hashing;

/// <summary>
/// The hash layout of the ledger, byte for byte the same as <c>ledger.append</c> computes in SQL
/// (docs/ledger.md, "Hash chain"). Integers are big-endian, UUIDs in RFC 4122 order, times are microseconds
/// since the Unix epoch (an absent occurred-at is <see cref="long.MinValue"/>), texts are UTF-8 with a 32-bit
/// length prefix.
/// </summary>
public static class EventHashing
{
    public const int HashBytes = 32;

    /// <summary>The previous hash of a stream's first event and the log hash before position 1.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashBytes];

    private static ReadOnlySpan<byte> ContentDomain => "cartledger/event-content/v1"u8;
    private static ReadOnlySpan<byte> EventDomain => "cartledger/event/v1"u8;

    /// <summary>What the user stated: identity, stream place, times, type, metadata and data as stored.</summary>
    public static void ContentDigest(Guid eventId, Guid streamId, long streamVersion, DateTimeOffset? occurredAt, int schemaVersion,
        string eventType, string metadataText, string dataText, Span<byte> digest)
    {
        var maxLength = ContentDomain.Length + 16 + 16 + 8 + 8 + 4 + 12
            + Encoding.UTF8.GetMaxByteCount(eventType.Length + metadataText.Length + dataText.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            var buffer = rented.AsSpan();
            var at = 0;
            ContentDomain.CopyTo(buffer);
            at += ContentDomain.Length;
            at += WriteGuid(buffer[at..], eventId);
            at += WriteGuid(buffer[at..], streamId);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], streamVersion);
            BinaryPrimitives.WriteInt64BigEndian(buffer[(at + 8)..], occurredAt is { } o ? EpochMicroseconds(o) : long.MinValue);
            BinaryPrimitives.WriteInt32BigEndian(buffer[(at + 16)..], schemaVersion);
            at += 20;
            at += WriteText(buffer[at..], eventType);
            at += WriteText(buffer[at..], metadataText);
            at += WriteText(buffer[at..], dataText);
            SHA256.HashData(buffer[..at], digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Where and when the ledger put it, chained to the previous event of the same stream.</summary>
    public static void EventHash(long position, DateTimeOffset recordedAt, ReadOnlySpan<byte> contentDigest, ReadOnlySpan<byte> previousStreamHash, Span<byte> hash)
    {
        Span<byte> buffer = stackalloc byte[EventDomain.Length + 8 + 8 + HashBytes + HashBytes];
        EventDomain.CopyTo(buffer);
        var at = EventDomain.Length;
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(at + 8)..], EpochMicroseconds(recordedAt));
        contentDigest.CopyTo(buffer[(at + 16)..]);
        previousStreamHash.CopyTo(buffer[(at + 16 + HashBytes)..]);
        SHA256.HashData(buffer, hash);
    }

    /// <summary>The global chain: every event's hash folded into the log in position order.</summary>
    public static void LogHash(ReadOnlySpan<byte> previousLogHash, ReadOnlySpan<byte> eventHash, Span<byte> logHash)
    {
        Span<byte> buffer = stackalloc byte[HashBytes * 2];
        previousLogHash.CopyTo(buffer);
        eventHash.CopyTo(buffer[HashBytes..]);
        SHA256.HashData(buffer, logHash);
    }

    /// <summary>Microseconds since 1970-01-01 UTC: PostgreSQL's resolution, so the value round-trips exactly.</summary>
    public static long EpochMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    private static int WriteGuid(Span<byte> destination, Guid id)
    {
        id.TryWriteBytes(destination, bigEndian: true, out var written);
        return written;
    }

    private static int WriteText(Span<byte> destination, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, length);
        return 4 + length;
    }
}
