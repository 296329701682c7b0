using CartLedger.Domain.Procedures;

namespace CartLedger.Domain.Response;

/// <summary>
/// Volumetric response to CRT at follow-up (SCIENCE.md 7; seed 2 "Methods"). LVESV change is signed: negative is a
/// reduction. Responder: change &lt;= -15 %; super-responder: &lt;= -30 %. LVEF change is in absolute percentage
/// points. NT-proBNP is compared as the reduction of its base-10 logarithm (seed 2: 3.03 -> 2.82).
/// </summary>
/// <param name="LvesvChangePercent">(LVESV_follow-up - LVESV_baseline) / LVESV_baseline x 100.</param>
/// <param name="LvefChangePoints">LVEF_follow-up - LVEF_baseline, percentage points.</param>
/// <param name="LogNtProBnpReduction">log10(NT-proBNP_baseline) - log10(NT-proBNP_follow-up); null when either is missing.</param>
public sealed record RemodelingResponse(double LvesvChangePercent, double LvefChangePoints, double? LogNtProBnpReduction)
{
    public const double ResponderThresholdPercent = -15;
    public const double SuperResponderThresholdPercent = -30;

    public bool IsVolumetricResponder => LvesvChangePercent <= ResponderThresholdPercent;

    public bool IsSuperResponder => LvesvChangePercent <= SuperResponderThresholdPercent;

    public static RemodelingResponse From(EchoMeasurements baseline, EchoMeasurements followUp)
    {
        var lvesv0 = baseline.LvesvMl.Value;
        if (lvesv0 <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), lvesv0, "baseline LVESV must be positive to compute a relative change");
        }
        var change = 100 * (followUp.LvesvMl.Value - lvesv0) / lvesv0;
        double? logReduction = baseline.NtProBnpPgMl is { Value: > 0 } b && followUp.NtProBnpPgMl is { Value: > 0 } f
            ? Math.Log10(b.Value) - Math.Log10(f.Value)
            : null;
        return new RemodelingResponse(change, followUp.LvefPercent.Value - baseline.LvefPercent.Value, logReduction);
    }
}
