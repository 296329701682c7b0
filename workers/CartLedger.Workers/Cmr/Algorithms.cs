using System.Globalization;
using CartLedger.Cmr.Analysis;
using CartLedger.Domain.Values;

namespace CartLedger.Workers.Cmr;

/// <summary>The identity the worker records for a whole-chain CMR run that failed before any step could report its own.</summary>
internal static class Algorithms
{
    public const string Version = "1.0.0";

    public static ValueList<AlgorithmParameter> Parameters(CmrParameters p) =>
    [
        new("endDiastolePhase", p.EndDiastolePhase.ToString(CultureInfo.InvariantCulture)),
        new("scarThresholdFraction", p.Scar.ThresholdFraction.ToString("R", CultureInfo.InvariantCulture)),
    ];
}
