using CartLedger.Domain.Segments;

namespace CartLedger.Cmr.Segments;

/// <summary>
/// Sums values into the 36 ring segments, then fills segments that no slice reached (a short stack may leave a
/// level empty) from the same sector at the nearest level that has data, and says which were filled.
/// Summation happens in the order values arrive, which callers keep fixed (slices base to apex, rays in order).
/// </summary>
public sealed class PerSegment<T>
{
    private readonly List<T>[] _values = Enumerable.Range(0, 37).Select(_ => new List<T>()).ToArray();

    public void Add(SegmentId segment36, T value) => _values[segment36.Require(SegmentModelKind.ThirtySix, nameof(segment36)).Number].Add(value);

    /// <summary>The values of each ring segment 1-36 (index 0 unused), with empty segments borrowed from the nearest level.</summary>
    public (IReadOnlyList<T>[] Values, IReadOnlyList<int> Filled) Completed()
    {
        var result = new IReadOnlyList<T>[37];
        var filled = new List<int>();
        result[0] = [];
        for (var number = 1; number <= 36; number++)
        {
            if (_values[number].Count > 0)
            {
                result[number] = _values[number];
                continue;
            }
            var level = (number - 1) / 12;
            var sector = (number - 1) % 12;
            var source = new[] { level - 1, level + 1, level - 2, level + 2 }
                .Where(l => l is >= 0 and <= 2)
                .Select(l => l * 12 + sector + 1)
                .FirstOrDefault(n => _values[n].Count > 0);
            result[number] = source > 0 ? _values[source] : [];
            if (source > 0)
            {
                filled.Add(number);
            }
        }
        return (result, filled);
    }
}
