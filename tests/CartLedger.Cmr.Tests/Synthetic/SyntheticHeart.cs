using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests.Synthetic;

/// <summary>
/// A minimal analytic short-axis heart for unit tests (not the phantom): a bright blood pool inside a dark
/// myocardial ring whose radii are given per slice, phase and angle, a bright RV crescent on the septal side,
/// a mid-grey background and seeded Gaussian noise, on planes oriented as a real short-axis stack (LPS).
/// </summary>
public sealed record SyntheticHeart
{
    public int SliceCount { get; init; } = 8;
    public int PhaseCount { get; init; } = 20;
    public double SliceGapMm { get; init; } = 8;
    public double PixelMm { get; init; } = 1.5;
    public int Size { get; init; } = 128;
    public double RrMs { get; init; } = 1000;
    public float Blood { get; init; } = 300;
    public float Myocardium { get; init; } = 80;
    public float Background { get; init; } = 150;
    public double NoiseSd { get; init; } = 6;
    public bool WithRv { get; init; } = true;

    /// <summary>A band of this width (mm) and signal just outside the epicardium (epicardial fat, or partial-volume lung); 0 = none.</summary>
    public double OuterBandMm { get; init; }

    public float OuterBand { get; init; }

    /// <summary>
    /// Epicardial fat in the interventricular grooves: a band of this thickness (mm) on the LV epicardium from each RV
    /// insertion point <see cref="GrooveFatDeg"/> degrees away from the septum, touching the RV cavity's tips; 0 = none.
    /// </summary>
    public double GrooveFatMm { get; init; }

    public double GrooveFatDeg { get; init; } = 30;

    public float GrooveFat { get; init; } = 270;

    /// <summary>
    /// Where the RV crescent (a disc of radius 0.95 epi centred 0.9 epi out along the septal direction) meets the
    /// epicardium: this many degrees either side of the septal direction, analytically acos((1 + 0.81 - 0.9025) / 1.8).
    /// </summary>
    public static double RvInsertionFromSeptumDeg { get; } = Math.Acos((1 + 0.81 - 0.9025) / 1.8) * 180 / Math.PI;
    public int Seed { get; init; } = 1;

    /// <summary>Endocardial and epicardial radius (mm) of a slice (0 = base), phase and model angle theta (degrees).</summary>
    public Func<int, int, double, (double Endo, double Epi)> Radii { get; init; } = (slice, _, _) => (25 - 1.5 * slice, 35 - 1.2 * slice);

    /// <summary>Speckle texture amplitude inside the myocardium, moving with the wall (for tracking); 0 = flat.</summary>
    public double TextureAmplitude { get; init; }

    /// <summary>Rigid in-plane rotation of the texture per phase (degrees), for tangential tracking tests.</summary>
    public Func<int, double> TextureRotationDeg { get; init; } = _ => 0;

    public static Vec3 LongAxis => Anatomy.BaseToApex;

    /// <summary>The plane of slice <paramref name="slice"/> (0 = basal), its centre pixel on the LV axis.</summary>
    public SlicePlane Plane(int slice)
    {
        var normal = LongAxis;
        var x = new Vec3(0, 0, 1).Cross(normal).Normalized();
        var y = normal.Cross(x);
        var centre = LongAxis * (slice * SliceGapMm);
        var half = (Size - 1) / 2.0 * PixelMm;
        return new SlicePlane(centre - x * half - y * half, x, y, PixelMm, PixelMm);
    }

    /// <summary>Theta (degrees) of an in-plane direction: 0 at the anterior RV insertion, towards the septum (the truth orientation).</summary>
    public SegmentOrientation TrueOrientation
    {
        get
        {
            var plane = Plane(0);
            var septum = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
            var plus = Anatomy.Direction(plane, septum + Math.PI / 3);
            var minus = Anatomy.Direction(plane, septum - Math.PI / 3);
            var plusIsAnterior = plus.Dot(Anatomy.Anterior) > minus.Dot(Anatomy.Anterior);
            var anterior = plusIsAnterior ? plus : minus;
            var inferior = plusIsAnterior ? minus : plus;
            return new SegmentOrientation(anterior, inferior, plane.Normal * (plusIsAnterior ? -1 : 1), "truth");
        }
    }

    public CineStack Build()
    {
        var random = new Random(Seed);
        var slices = new List<CineSlice>();
        for (var s = 0; s < SliceCount; s++)
        {
            var frames = new List<Image2D>();
            var times = new List<double>();
            var uids = new List<string>();
            for (var t = 0; t < PhaseCount; t++)
            {
                frames.Add(Render(s, t, random));
                times.Add(t * RrMs / PhaseCount);
                uids.Add($"2.25.{s + 1}{t + 100}");
            }
            slices.Add(new CineSlice(Plane(s), frames, times, uids));
        }
        return new CineStack("2.25.1", "2.25.2", slices);
    }

    public Image2D Render(int slice, int phase, Random random)
    {
        var image = new Image2D(Size, Size);
        var plane = Plane(slice);
        var orientation = TrueOrientation;
        var centre = (Size - 1) / 2.0;
        var septumAngle = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
        var rotation = TextureRotationDeg(phase) * Math.PI / 180;
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                // 3x3 supersampling: band-limited edges, as an MR image has (no pixel staircase).
                double sum = 0;
                for (var sy = -1; sy <= 1; sy++)
                {
                    for (var sx = -1; sx <= 1; sx++)
                    {
                        sum += Intensity(slice, phase, (x + sx / 3.0 - centre) * PixelMm, (y + sy / 3.0 - centre) * PixelMm, plane, orientation, septumAngle, rotation);
                    }
                }
                image[x, y] = (float)(sum / 9 + NoiseSd * Gaussian(random));
            }
        }
        return image;
    }

    private double Intensity(int slice, int phase, double dx, double dy, SlicePlane plane, SegmentOrientation orientation, double septumAngle, double rotation)
    {
        var r = Math.Sqrt(dx * dx + dy * dy);
        var angle = Math.Atan2(dy, dx);
        var (endo, epi) = Radii(slice, phase, orientation.ModelAngleDeg(plane, angle));
        if (r < endo)
        {
            return Blood;
        }
        if (r < epi)
        {
            return Myocardium + TextureAmplitude * Texture(r, angle - rotation);
        }
        if (WithRv && InRv(dx, dy, septumAngle, epi))
        {
            return Blood;
        }
        if (r < epi + GrooveFatMm && InGroove(angle, septumAngle))
        {
            return GrooveFat;
        }
        return r < epi + OuterBandMm ? OuterBand : Background;
    }

    private bool InGroove(double angle, double septumAngle)
    {
        var fromSeptumDeg = Math.Abs(Math.IEEERemainder(angle - septumAngle, 2 * Math.PI)) * 180 / Math.PI;
        return fromSeptumDeg >= RvInsertionFromSeptumDeg && fromSeptumDeg <= RvInsertionFromSeptumDeg + GrooveFatDeg;
    }

    private bool InRv(double dx, double dy, double septumAngle, double epi)
    {
        var cx = Math.Cos(septumAngle) * epi * 0.9;
        var cy = Math.Sin(septumAngle) * epi * 0.9;
        var d = Math.Sqrt((dx - cx) * (dx - cx) + (dy - cy) * (dy - cy));
        return d < epi * 0.95 && Math.Sqrt(dx * dx + dy * dy) < epi + 12;
    }

    /// <summary>Smooth speckle-like pattern (periods 10-20 mm), fixed to the tissue: it turns with the wall.</summary>
    private static double Texture(double r, double angle)
    {
        var x = r * Math.Cos(angle);
        var y = r * Math.Sin(angle);
        return Math.Sin(0.55 * x) * Math.Cos(0.45 * y) + 0.6 * Math.Sin(0.35 * x + 0.5 * y);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
