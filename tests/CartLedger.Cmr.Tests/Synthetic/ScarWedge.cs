using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Cmr.Tests.Synthetic;

/// <summary>
/// An LGE short-axis image with analytically known scar: a myocardial ring (nulled, dark) around a grey blood
/// pool, with a bright wedge spanning a known angle and reaching a known fraction of the wall from the endocardium.
/// Optionally with Gaussian noise (seeded: the same image every run), a gain and an offset (as rescaled research images).
/// A width of 0 is a scar-free heart.
/// </summary>
public sealed record ScarWedge(double EndoMm = 22, double EpiMm = 32, double WedgeFromDeg = 30, double WedgeWidthDeg = 60, double DepthFraction = 0.5, double PixelMm = 1.0, int Size = 100, float Offset = 0,
    double NoiseSd = 0, int NoiseSeed = 1, float Gain = 1)
{
    public const float Blood = 150;
    public const float Normal = 40;
    public const float Scar = 300;

    public Vec2 Centre => new((Size - 1) / 2.0, (Size - 1) / 2.0);

    public PixelGrid Grid => new(PixelMm, PixelMm);

    public bool InWedge(double angleDeg)
    {
        var offset = ((angleDeg - WedgeFromDeg) % 360 + 360) % 360;
        return offset < WedgeWidthDeg;
    }

    public Image2D Image()
    {
        var image = new Image2D(Size, Size);
        var noise = new SeededRandom(NoiseSeed, "scar-wedge-noise");
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var d = new Vec2(x, y) - Centre;
                var r = d.Length * PixelMm;
                var angle = Math.Atan2(d.Y, d.X) * 180 / Math.PI;
                float value = r < EndoMm ? Blood : r < EpiMm ? (InWedge(angle) && r < EndoMm + DepthFraction * (EpiMm - EndoMm) ? Scar : Normal) : 0;
                image[x, y] = Gain * (value + (float)(NoiseSd * noise.Gaussian())) + Offset;
            }
        }
        return image;
    }

    public SliceContours Contours(int rays = 96) => new(
        new PolarContour(Centre, Enumerable.Repeat(EndoMm, rays).ToArray(), Grid),
        new PolarContour(Centre, Enumerable.Repeat(EpiMm, rays).ToArray(), Grid));

    public LgeSlice Slice() => new(0, new SlicePlane(Vec3.Zero, Vec3.UnitX, Vec3.UnitY, PixelMm, PixelMm), Image(), Contours(), "2.25.7");

    /// <summary>Scar area / myocardial area of the analytic shapes.</summary>
    public double TrueBurdenPercent
    {
        get
        {
            var scarOuter = EndoMm + DepthFraction * (EpiMm - EndoMm);
            var scar = WedgeWidthDeg / 360 * (scarOuter * scarOuter - EndoMm * EndoMm);
            return 100 * scar / (EpiMm * EpiMm - EndoMm * EndoMm);
        }
    }
}
