namespace CartLedger.Ledger.Events;

internal static class Require
{
    public static string Text(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} is required") : value;

    public static Guid Id(Guid value, string what) =>
        value == Guid.Empty ? throw new ArgumentException($"{what} is required (an empty GUID was given)") : value;

    public static string Sha256Hex(string? value, string what) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit) && value == value.ToLowerInvariant()
            ? value
            : throw new ArgumentException($"{what} must be a SHA-256 in 64 lower-case hex digits, not '{value}'");
}
