using System.Globalization;
using System.Text.RegularExpressions;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Console.Verbs.Phantom;

/// <summary>Parses the phantom verb's compact arguments (scar lists, view names, lead placement); bad text is a usage error naming the option.</summary>
public static partial class PhantomArguments
{
    /// <summary>"random" (the seed decides), "none", or "SEG:PERCENT[:endo|mid|epi],..." e.g. "17:75,18:50,3:30:mid".</summary>
    public static IReadOnlyList<ScarSpec>? Scar(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed is "random" or "")
        {
            return null;
        }
        if (trimmed == "none")
        {
            return [];
        }
        var specs = new List<ScarSpec>();
        foreach (var item in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var segment)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
            {
                throw new UsageException($"--scar: '{item}' is not SEG:PERCENT[:endo|mid|epi] (e.g. 17:75)");
            }
            var layer = parts.Length == 2 ? ScarLayer.Subendocardial : parts[2] switch
            {
                "endo" => ScarLayer.Subendocardial,
                "mid" => ScarLayer.MidWall,
                "epi" => ScarLayer.Subepicardial,
                _ => throw new UsageException($"--scar: layer '{parts[2]}' of '{item}' is not endo, mid or epi"),
            };
            var spec = new ScarSpec(segment, percent, layer);
            try
            {
                spec.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--scar: {e.Message}");
            }
            specs.Add(spec);
        }
        return specs;
    }

    /// <summary>"LAO40,RAO30" or "LAO40/CRA10,RAO30/CAU5" or "AP".</summary>
    public static IReadOnlyList<(double PrimaryDeg, double SecondaryDeg)> Views(string text)
    {
        var views = new List<(double, double)>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ViewPattern().Match(item.ToUpperInvariant());
            if (!match.Success)
            {
                throw new UsageException($"--views: '{item}' is not a view like LAO40, RAO30, AP or LAO40/CRA10");
            }
            var primary = match.Groups["side"].Value == "AP" ? 0 : double.Parse(match.Groups["primary"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["side"].Value == "RAO")
            {
                primary = -primary;
            }
            var secondary = match.Groups["tilt"].Success ? double.Parse(match.Groups["secondary"].Value, CultureInfo.InvariantCulture) : 0;
            if (match.Groups["tilt"].Value == "CAU")
            {
                secondary = -secondary;
            }
            views.Add((primary, secondary));
        }
        return views.Count > 0 ? views : throw new UsageException("--views: at least one view is needed");
    }

    /// <summary>"none", "target" or a 36-segment number.</summary>
    public static (LeadPlacement Placement, int? Segment) Lead(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => (LeadPlacement.None, null),
        "target" => (LeadPlacement.AtTarget, null),
        var n when int.TryParse(n, CultureInfo.InvariantCulture, out var segment) && segment is >= 1 and <= 36 => (LeadPlacement.InSegment, segment),
        _ => throw new UsageException($"--lead: '{text}' is not none, target or a 36-segment number (1-36)"),
    };

    [GeneratedRegex(@"^(?:(?<side>AP)|(?<side>LAO|RAO)(?<primary>\d+(?:\.\d+)?))(?:/(?<tilt>CRA|CAU)(?<secondary>\d+(?:\.\d+)?))?$")]
    private static partial Regex ViewPattern();
}
