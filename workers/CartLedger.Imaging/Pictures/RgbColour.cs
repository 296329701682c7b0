using System.Globalization;

namespace CartLedger.Imaging.Pictures;

/// <summary>An 8-bit sRGB colour.</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    public static readonly RgbColour Black = new(0, 0, 0);
    public static readonly RgbColour White = new(255, 255, 255);

    /// <summary>"#RRGGBB", as SVG and CSS write it.</summary>
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");

    public override string ToString() => Hex;
}
