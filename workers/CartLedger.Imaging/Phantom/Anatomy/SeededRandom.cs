namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// Deterministic random numbers for the phantom: one stream per purpose, derived from the patient seed and a
/// stream name, so adding a new random choice in one place never shifts the values drawn elsewhere.
/// </summary>
public sealed class SeededRandom
{
    private readonly Random _random;

    public SeededRandom(int seed, string stream)
    {
        _random = new Random(Mix(seed, stream));
    }

    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();

    public int Integer(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>Standard normal (Box-Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double Gaussian(double mean, double sd) => mean + sd * Gaussian();

    /// <summary>A stable 31-bit seed from a patient seed and a stream name (FNV-1a over the name, then mixed).</summary>
    public static int Mix(int seed, string stream, int index = 0)
    {
        unchecked
        {
            var h = 2166136261u;
            foreach (var c in stream)
            {
                h = (h ^ c) * 16777619u;
            }
            ulong x = h ^ ((ulong)(uint)seed << 32) ^ (uint)index * 0x9E3779B97F4A7C15ul;
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdul;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53ul;
            x ^= x >> 33;
            return (int)(x & 0x7fffffff);
        }
    }
}
