using System.Globalization;

namespace CartLedger.Domain.Procedures.Rules;

/// <summary>
/// Plausible ranges for entered clinical values: a value outside is a typing or unit error, rejected with the field,
/// the value and the range. Wide on purpose (dilated CRT ventricles reach 400+ ml); they catch 0, 5000, or ml for cl.
/// </summary>
public static class PhysiologicalRanges
{
    public static readonly (double Min, double Max) LvesvMl = (5, 1000);
    public static readonly (double Min, double Max) LvedvMl = (10, 1500);
    public static readonly (double Min, double Max) LvefPercent = (3, 90);
    public static readonly (double Min, double Max) NtProBnpPgMl = (5, 100_000);
    public static readonly (double Min, double Max) QrsMs = (60, 300);
    public static readonly (double Min, double Max) QlvMs = (0, 300);
    public static readonly (double Min, double Max) PacingThresholdV = (0.1, 10);
    public static readonly (double Min, double Max) ProcedureMinutes = (1, 1440);
    public static readonly (double Min, double Max) DoseAreaProductCGyCm2 = (0, 1_000_000);
    public static readonly (double Min, double Max) ContrastMl = (0, 1000);
    public static readonly (double Min, double Max) LeadDistanceMm = (0, 300);

    /// <summary>Rejects <paramref name="value"/> outside <paramref name="range"/>, naming the field and unit.</summary>
    public static void Check(double value, (double Min, double Max) range, string field, string unit)
    {
        Reject.Unless(value >= range.Min && value <= range.Max, "values.out_of_range",
            $"{field} = {Format(value)} {unit} is outside the plausible range {Format(range.Min)}-{Format(range.Max)} {unit}");
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
