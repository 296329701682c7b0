using System.Security.Cryptography;
using System.Text;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Demo;

/// <summary>
/// Fixed, plausible numbers for the demo history where compute does not exist yet. Everything here is an ENTERED
/// value: its AlgorithmInfo says so ("demo.entered-values"), so nobody mistakes it for a computed result.
/// </summary>
internal static class DemoValues
{
    public static AlgorithmInfo Entered(string what) =>
        new(ProcedureTimeline.EnteredAlgorithmName, "1", [new AlgorithmParameter("what", what)], [], Sha(what));

    /// <summary>A stand-in SHA-256 for demo blobs: the hash of a label (the demo stores no pixels).</summary>
    public static string Sha(string label) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"cartledger demo: {label}")));

    public static ImportedSeries Series(string uid, SeriesKind kind, string description, int rows, double spacingMm, int slices, int phases) =>
        new(uid, kind, description, [.. Enumerable.Range(1, slices * phases).Select(i => Sha($"{uid} file {i}"))],
            new SeriesGeometry(rows, rows, slices, phases, spacingMm, spacingMm, 8, [1, 0, 0, 0, 0.7071, -0.7071], new Point3Mm(-120, -95, 60)));

    /// <summary>A non-ischaemic LBBB ventricle with a small inferolateral scar: basal 9-10 and mid 21 (%).</summary>
    public static ValueList<SegmentScar> Transmurality() =>
        [.. Enumerable.Range(1, 36).Select(n => new SegmentScar(SegmentId.Of36(n), new(n switch { 9 => 55, 10 => 30, 21 => 15, _ => 0 })))];

    /// <summary>LBBB activation: septum first, latest at the mid anterolateral wall (time to peak circumferential strain, ms).</summary>
    public static ValueList<SegmentActivation> Activation() =>
        [.. Enumerable.Range(1, 36).Select(n => new SegmentActivation(SegmentId.Of36(n), new(TimeToPeakMs(n)), 12 + (n % 5)))];

    private static double TimeToPeakMs(int number)
    {
        var info = SegmentModels.ThirtySix[number];
        // Delay grows with the angular distance from the septum's centre (theta 60) towards the lateral wall (theta 240).
        var fromSeptum = Math.Abs(((info.Range.CentreDeg - 60 + 540) % 360) - 180);
        var levelPenalty = info.Level switch { SegmentLevel.Basal => 10, SegmentLevel.Mid => 25, _ => 0 };
        return Math.Round(180 + 1.4 * fromSeptum + levelPenalty - (info.Range.CentreDeg < 240 ? 8 : 0));
    }
}
