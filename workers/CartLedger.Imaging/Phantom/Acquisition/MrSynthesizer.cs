using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// Short-axis MR images of the phantom: every pixel averages four samples through the slice thickness (partial
/// volume across the 8 mm slice) of the painted scene (partial volume in plane), for every cardiac phase. The heart
/// and diaphragm of each slice are shifted in plane by that slice's own breath-hold error. A smooth receive-coil bias
/// field multiplies the signal and complex Gaussian noise makes it Rician. Labels (0 background, 1 LV blood pool
/// with papillary muscles, 2 myocardium, 3 scar, 4 RV blood pool) are the majority class of the same samples.
/// </summary>
public static class MrSynthesizer
{
    public const byte Background = 0, LvBloodPool = 1, Myocardium = 2, Scar = 3, RvBloodPool = 4;
    private static readonly double[] ThroughPlane = [-0.375, -0.125, 0.125, 0.375];
    private const int Block = 8;

    public sealed record SliceSeries(SlicePlane Plane, Image2D[] Frames, byte[][] Labels, Vec3 BreathHoldShiftMm);

    public static List<SliceSeries> Render(ShortAxisPlanning planning, IReadOnlyList<Structure> scene, HeartModel heart,
        IReadOnlyList<double> timesMs, MrContrast contrast, int seed, string stream)
    {
        var r = new SeededRandom(seed, stream + " acquisition");
        var bias = new Vec3(r.Uniform(-1, 1), r.Uniform(-1, 1), r.Uniform(-1, 1)).Normalized() * r.Uniform(0.002, 0.004);
        var phases = timesMs.Select(t => (HeartStructure)heart.AtPhase(heart.Contraction.At(t))).ToArray();
        var statics = scene.Where(s => s.Group != MotionGroup.Heart).OrderBy(s => s.Group == MotionGroup.Diaphragm ? 0 : s.Group == MotionGroup.Background ? -1 : 1).ToArray();
        var result = new List<SliceSeries>();
        for (var k = 0; k < planning.Planes.Count; k++)
        {
            var plane = planning.Planes[k];
            var shift = plane.XAxis * r.Gaussian(0, 1.2) + plane.YAxis * r.Gaussian(0, 1.2);
            result.Add(RenderSlice(planning, plane, statics, phases, contrast, shift, bias, heart.LvCentre, SeededRandom.Mix(seed, stream, k)));
        }
        return result;
    }

    private static SliceSeries RenderSlice(ShortAxisPlanning planning, SlicePlane plane, Structure[] statics, HeartStructure[] phases,
        MrContrast contrast, Vec3 shift, Vec3 bias, Vec3 biasCentre, int seed)
    {
        int w = planning.Columns, h = planning.Rows, n = ThroughPlane.Length;
        var pixelMm = plane.XSpacingMm;
        var background = new float[w * h * n];
        var normal = plane.Normal;
        Parallel.For(0, h, y =>
        {
            Span<float> coverage = stackalloc float[1];
            for (var x = 0; x < w; x++)
            {
                for (var j = 0; j < n; j++)
                {
                    var p = plane.ToPatient(x, y) + normal * (ThroughPlane[j] * planning.SliceThicknessMm);
                    float v = 0;
                    foreach (var structure in statics)
                    {
                        var q = structure.Group == MotionGroup.Diaphragm ? p - shift : p;
                        if (!structure.Bounds.Contains(q))
                        {
                            continue;
                        }
                        structure.Coverage(q, pixelMm, coverage);
                        v += (contrast.Signal(structure.Layers[0]) - v) * coverage[0];
                    }
                    background[(y * w + x) * n + j] = v;
                }
            }
        });
        var frames = new Image2D[phases.Length];
        var labels = new byte[phases.Length][];
        for (var f = 0; f < phases.Length; f++)
        {
            (frames[f], labels[f]) = RenderPhase(planning, plane, background, phases[f], contrast, shift, bias, biasCentre, SeededRandom.Mix(seed, "phase", f));
        }
        return new SliceSeries(plane, frames, labels, shift);
    }

    private static (Image2D, byte[]) RenderPhase(ShortAxisPlanning planning, SlicePlane plane, float[] background, HeartStructure heart,
        MrContrast contrast, Vec3 shift, Vec3 bias, Vec3 biasCentre, int seed)
    {
        int w = planning.Columns, h = planning.Rows, n = ThroughPlane.Length;
        var pixelMm = plane.XSpacingMm;
        var layers = heart.Layers.Select(contrast.Signal).ToArray();
        var image = new Image2D(w, h);
        var label = new byte[w * h];
        var normal = plane.Normal;
        var reach = Block * pixelMm * 0.75 + planning.SliceThicknessMm / 2 + 4;
        var blocksX = (w + Block - 1) / Block;
        var blocksY = (h + Block - 1) / Block;
        Parallel.For(0, blocksY, by =>
        {
            Span<float> coverage = stackalloc float[layers.Length + HeartStructure.LabelSlots];
            var random = new SeededRandom(SeededRandom.Mix(seed, "noise", by), "rows");
            for (var bx = 0; bx < blocksX; bx++)
            {
                var centre = plane.ToPatient(bx * Block + Block / 2.0, by * Block + Block / 2.0) - shift;
                var near = heart.PericardialDistanceMm(centre) < reach;
                for (var y = by * Block; y < Math.Min(h, (by + 1) * Block); y++)
                {
                    for (var x = bx * Block; x < Math.Min(w, (bx + 1) * Block); x++)
                    {
                        double sum = 0, bp = 0, myo = 0, scar = 0, rv = 0;
                        for (var j = 0; j < n; j++)
                        {
                            var v = background[(y * w + x) * n + j];
                            if (near)
                            {
                                var p = plane.ToPatient(x, y) + normal * (ThroughPlane[j] * planning.SliceThicknessMm) - shift;
                                heart.Coverage(p, pixelMm, coverage);
                                for (var l = 0; l < layers.Length; l++)
                                {
                                    v += (layers[l] - v) * coverage[l];
                                }
                                bp += coverage[layers.Length];
                                myo += coverage[layers.Length + 1];
                                scar += coverage[layers.Length + 2];
                                rv += coverage[layers.Length + 3];
                            }
                            sum += v;
                        }
                        var p0 = plane.ToPatient(x, y);
                        var signal = sum / n * Math.Exp(bias.Dot(p0 - biasCentre));
                        var real = signal + contrast.NoiseSd * random.Gaussian();
                        var imaginary = contrast.NoiseSd * random.Gaussian();
                        image[x, y] = (float)Math.Round(contrast.StoredScale * Math.Sqrt(real * real + imaginary * imaginary));
                        label[y * w + x] = Majority(bp / n, myo / n, scar / n, rv / n);
                    }
                }
            }
        });
        return (image, label);
    }

    private static byte Majority(double bp, double myo, double scar, double rv)
    {
        var background = 1 - bp - myo - rv;
        if (background >= bp && background >= myo && background >= rv)
        {
            return Background;
        }
        if (bp >= myo && bp >= rv)
        {
            return LvBloodPool;
        }
        if (myo >= rv)
        {
            return scar >= myo / 2 ? Scar : Myocardium;
        }
        return RvBloodPool;
    }
}
