using System.Globalization;
using System.Text;

namespace CartLedger.Console.Verbs.Bench.Ledger;

/// <summary>
/// Procedure-shaped JSON objects of about <c>bytes</c> UTF-8 bytes (a lead measurement with a strain curve),
/// from a seeded generator: the same run always writes the same payloads.
/// </summary>
internal static class BenchPayload
{
    public static string[] Create(int count, int bytes, int seed)
    {
        var random = new Random(seed);
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var json = new StringBuilder(bytes + 64);
            json.Append(CultureInfo.InvariantCulture, $$"""{"segment36":{{random.Next(1, 37)}},"distanceToTargetMm":{{random.NextDouble() * 40:F2}},"strainPercent":[""");
            var first = true;
            while (json.Length < bytes - 2)
            {
                json.Append(first ? "" : ",").Append((random.NextDouble() * -25).ToString("F3", CultureInfo.InvariantCulture));
                first = false;
            }
            payloads[i] = json.Append("]}").ToString();
        }
        return payloads;
    }
}
