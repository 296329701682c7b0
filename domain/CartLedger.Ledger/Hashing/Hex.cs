namespace CartLedger.Ledger.Hashing;

/// <summary>Lower-case hex, the one spelling of hashes in JSON, metadata and reports.</summary>
public static class Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Parse(string hex, string what) =>
        hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit)
            ? Convert.FromHexString(hex)
            : throw new FormatException($"{what} is not hex: '{hex}'");
}
