using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// DICOM's recommended display colours are CIELab scaled to 16 bits (PS3.3 C.10.7.1.1): L* 0..100 and a*, b*
/// -128..127 mapped linearly onto 0..65535. Converted from and to sRGB through CIE XYZ with the D65 white
/// point, as dcmqi and 3D Slicer do; a colour survives the round trip to within one 8-bit step.
/// </summary>
public static class CieLab
{
    private const double Xn = 0.95047, Yn = 1.0, Zn = 1.08883;

    public static (ushort L, ushort A, ushort B) FromRgb(RgbColour colour)
    {
        double r = Linear(colour.R / 255.0), g = Linear(colour.G / 255.0), b = Linear(colour.B / 255.0);
        var x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / Xn;
        var y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / Yn;
        var z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / Zn;
        double fx = F(x), fy = F(y), fz = F(z);
        var l = 116 * fy - 16;
        var a = 500 * (fx - fy);
        var bb = 200 * (fy - fz);
        return (Scale(l / 100.0), Scale((a + 128) / 255.0), Scale((bb + 128) / 255.0));
    }

    public static RgbColour ToRgb(ushort lScaled, ushort aScaled, ushort bScaled)
    {
        var l = lScaled / 65535.0 * 100;
        var a = aScaled / 65535.0 * 255 - 128;
        var b = bScaled / 65535.0 * 255 - 128;
        var fy = (l + 16) / 116;
        var fx = fy + a / 500;
        var fz = fy - b / 200;
        double x = Xn * FInverse(fx), y = Yn * FInverse(fy), z = Zn * FInverse(fz);
        var r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        var g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        var bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new RgbColour(Byte(Gamma(r)), Byte(Gamma(g)), Byte(Gamma(bl)));
    }

    /// <summary>A RecommendedDisplayCIELabValue as read ("L\a\b"), or null when absent or malformed.</summary>
    public static RgbColour? Parse(string? text) =>
        text?.Split('\\') is [var l, var a, var b] && ushort.TryParse(l, out var ll) && ushort.TryParse(a, out var aa) && ushort.TryParse(b, out var bb)
            ? ToRgb(ll, aa, bb)
            : null;

    private static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);

    private static double Gamma(double c) => c <= 0.0031308 ? 12.92 * c : 1.055 * Math.Pow(c, 1 / 2.4) - 0.055;

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;

    private static double FInverse(double f) => f * f * f > 216.0 / 24389 ? f * f * f : (116 * f - 16) * 27 / 24389.0;

    private static ushort Scale(double unit) => (ushort)Math.Clamp(Math.Round(unit * 65535), 0, 65535);

    private static byte Byte(double unit) => (byte)Math.Clamp(Math.Round(unit * 255), 0, 255);
}
