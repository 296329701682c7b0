namespace CartLedger.Imaging.Pictures;

/// <summary>
/// A colour map: values in [Minimum, Maximum] to colours by piecewise-linear interpolation between stops.
/// Viridis is perceptually uniform and readable in grey and by colour-blind readers (use it for time to peak);
/// Hot for intensities; the categorical palette for distinct classes (scar, targets, phrenic nerve).
/// </summary>
public sealed class ColourMap
{
    private readonly RgbColour[] _stops;

    public ColourMap(string name, params RgbColour[] stops)
    {
        if (stops.Length < 2)
        {
            throw new ArgumentException("A colour map needs at least two stops.", nameof(stops));
        }
        Name = name;
        _stops = stops;
    }

    public string Name { get; }

    /// <summary>Viridis sampled at nine stops (matplotlib's _viridis_data at 0, 1/8, ..., 1).</summary>
    public static ColourMap Viridis { get; } = new("viridis",
        new(68, 1, 84), new(71, 44, 122), new(59, 81, 139), new(44, 113, 142), new(33, 145, 140),
        new(39, 173, 129), new(92, 200, 99), new(170, 220, 50), new(253, 231, 37));

    public static ColourMap Hot { get; } = new("hot", new(10, 0, 0), new(230, 0, 0), new(255, 210, 0), new(255, 255, 255));

    public static ColourMap Grey { get; } = new("grey", RgbColour.Black, RgbColour.White);

    /// <summary>Distinct colours for classes (Okabe-Ito, safe for colour-blind readers).</summary>
    public static IReadOnlyList<RgbColour> Categorical { get; } =
    [
        new(230, 159, 0), new(86, 180, 233), new(0, 158, 115), new(240, 228, 66),
        new(0, 114, 178), new(213, 94, 0), new(204, 121, 167), new(0, 0, 0),
    ];

    /// <summary>The colour of a value; values outside [minimum, maximum] take the end colours, NaN takes grey.</summary>
    public RgbColour Map(double value, double minimum, double maximum)
    {
        if (double.IsNaN(value))
        {
            return new RgbColour(128, 128, 128);
        }
        var t = maximum > minimum ? Math.Clamp((value - minimum) / (maximum - minimum), 0, 1) : 0;
        var position = t * (_stops.Length - 1);
        var index = Math.Min((int)position, _stops.Length - 2);
        var f = position - index;
        RgbColour a = _stops[index], b = _stops[index + 1];
        return new RgbColour(Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
    }

    private static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
