using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Finds the RV insertion points, which anchor every segment model (SCIENCE.md section 5: theta = 0 at the
/// anterior insertion, increasing towards the septum). On each full slice at end-diastole the septum is the
/// arc of the epicardium with RV blood right against it (an unbroken blood-bright run starting at the epicardium, 1.4.0);
/// among such arcs the one facing the anatomical septal direction wins. Its ends are the cavity's tips (1.5.0): the RV
/// cavity is a crescent that thins towards each insertion, and epicardial fat in the interventricular grooves, as bright
/// as blood in SSFP, lies on the LV right past the insertion and often touches the cavity's tip; where the bright band
/// thickens again past its thinnest point, that is fat, and the tip is the thinnest point. The more anterior end (LPS)
/// is the anterior insertion. The study-wide orientation is the weighted circular median over slices, each weighted by its RV
/// cavity area (slices are parallel, one angle serves all; near the RV apex the crescent is small and groove fat can
/// pass for it); with no RV arc found anywhere, the anatomical septal direction places the septum centre at 60 degrees
/// (the AHA convention: insertions 120 degrees apart).
/// </summary>
public static class RvInsertion
{
    private const double DepthReachMm = 35;
    private const double MinBloodMm = 3;
    private const double RunStartMm = 1;
    private const double MinArcDeg = 50;
    private const double MaxArcDeg = 220;
    private const int AllowedGapRays = 1;
    private const int RaysPerContourRay = 4;
    private const double NotchRiseMm = 1.5;
    private const double TipFraction = 0.5;

    /// <param name="slices">The full slices at end-diastole.</param>
    /// <param name="p">Segmentation parameters.</param>
    /// <param name="baseToApex">
    /// The stack's base-to-apex direction. Theta turns right-handed about it (anterior up and septum left, seen from the
    /// apex: counter-clockwise), so it fixes which end of the septal arc is the anterior insertion. Without it, the end
    /// that points more anteriorly in the patient is taken, which a short arc or a rotated heart can get wrong (a
    /// mirrored model: every segment on the wrong side of the septum).
    /// </param>
    public static SegmentOrientation Orient(IReadOnlyList<(SlicePlane Plane, Image2D Image, SliceContours Contours, IntensityModel Intensities)> slices, SegmentationParameters p, Vec3? baseToApex = null)
    {
        var anteriors = new List<(double AngleRad, double Weight)>();
        var inferiors = new List<(double AngleRad, double Weight)>();
        var signVotes = 0;
        var plane = slices.Count > 0 ? slices[0].Plane : null;
        foreach (var (slicePlane, image, contours, intensities) in slices)
        {
            int? anatomicalSign = baseToApex is { } axis ? (slicePlane.Normal.Dot(axis) >= 0 ? 1 : -1) : null;
            if (Detect(slicePlane, image, contours, intensities, p, anatomicalSign) is { } arc)
            {
                // Each slice counts by the area of its RV cavity: a large crescent shows its tips clearly, a small one near
                // the RV apex (or bright groove fat where the RV has ended) does not.
                anteriors.Add((arc.Anterior, arc.AreaMm2));
                inferiors.Add((arc.Inferior, arc.AreaMm2));
                signVotes += arc.Sign;
            }
        }
        if (plane is null)
        {
            throw new ArgumentException("No segmented slice to orient the segment model on.", nameof(slices));
        }
        if (anteriors.Count == 0)
        {
            return FromPrior(plane);
        }
        var anterior = WeightedCircularMedian(anteriors);
        var inferior = WeightedCircularMedian(inferiors);
        var sign = signVotes != 0 ? Math.Sign(signVotes) : SignTowardsSeptum(plane, anterior);
        return Oriented(plane, anterior, inferior, sign, "detected");
    }

    /// <summary>
    /// The slice angle with the least weighted sum of angular distances to all the others: one stray slice (beyond the
    /// apex or above the base, where a bright structure passes for a crescent) cannot pull it, as it pulls a mean.
    /// </summary>
    private static double WeightedCircularMedian(IReadOnlyList<(double AngleRad, double Weight)> angles)
    {
        var best = angles[0].AngleRad;
        var bestCost = double.MaxValue;
        foreach (var (candidate, _) in angles)
        {
            var cost = angles.Sum(x => x.Weight * Math.Abs(Math.IEEERemainder(x.AngleRad - candidate, 2 * Math.PI)));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>No RV seen: the septum centre faces the anatomical septal direction, insertions at +/-60 degrees from it.</summary>
    public static SegmentOrientation FromPrior(SlicePlane plane)
    {
        var septum = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
        var plus = septum + Math.PI / 3;
        var minus = septum - Math.PI / 3;
        var plusIsAnterior = Anatomy.Direction(plane, plus).Dot(Anatomy.Anterior) > Anatomy.Direction(plane, minus).Dot(Anatomy.Anterior);
        var anterior = plusIsAnterior ? plus : minus;
        var inferior = plusIsAnterior ? minus : plus;
        return Oriented(plane, anterior, inferior, plusIsAnterior ? -1 : 1, "anatomical prior");
    }

    /// <summary>Image angles and the turning sign on one plane, as a patient-space orientation.</summary>
    private static SegmentOrientation Oriented(SlicePlane plane, double anteriorRad, double inferiorRad, int sign, string source) =>
        new(Anatomy.Direction(plane, anteriorRad), Anatomy.Direction(plane, inferiorRad), plane.Normal * sign, source);

    private static int SignTowardsSeptum(SlicePlane plane, double anterior)
    {
        var septum = Anatomy.LvToSeptum;
        var plus = Anatomy.Direction(plane, anterior + Math.PI / 3).Dot(septum);
        var minus = Anatomy.Direction(plane, anterior - Math.PI / 3).Dot(septum);
        return plus >= minus ? 1 : -1;
    }

    private static (double Anterior, double Inferior, int Sign, double AreaMm2)? Detect(SlicePlane plane, Image2D image, SliceContours contours, IntensityModel intensities, SegmentationParameters p, int? anatomicalSign)
    {
        var grid = PixelGrid.Of(plane);
        var smoothed = SliceSegmenter.Smooth(image, grid, p);
        var epi = contours.Epicardium;
        var rays = epi.AngleCount * RaysPerContourRay;
        var step = 2 * Math.PI / rays;
        var level = intensities.Myocardium + 0.5 * intensities.Contrast;
        var run = new double[rays];
        var rv = new bool[rays];
        for (var a = 0; a < rays; a++)
        {
            // RV blood lies against the septum: the bright run must start at the epicardium and be unbroken. Bright signal
            // further out (epicardial fat in the interventricular grooves, as bright as blood in SSFP, lying outside the RV
            // free wall or, past the insertion, outside the wall's tapering end) does not count.
            var angle = a * step;
            var epiMm = epi.RadiusAt(angle);
            double bright = 0;
            for (var r = epiMm + 0.5; r <= epiMm + DepthReachMm; r += p.RadialStepMm)
            {
                var pixel = epi.Centre + grid.Offset(r, angle);
                var isBright = smoothed.Contains(pixel.X, pixel.Y) && smoothed.Sample(pixel.X, pixel.Y) >= level;
                if (isBright)
                {
                    bright += p.RadialStepMm;
                }
                else if (bright > 0 || r > epiMm + RunStartMm)
                {
                    break;
                }
            }
            run[a] = bright;
            rv[a] = bright >= MinBloodMm;
        }
        var septalAngle = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
        (int Start, int Length)? best = null;
        var bestScore = double.MinValue;
        foreach (var (start, length) in Arcs(rv, AllowedGapRays * RaysPerContourRay))
        {
            var arcDeg = length * 360.0 / rays;
            if (arcDeg < MinArcDeg || arcDeg > MaxArcDeg)
            {
                continue;
            }
            var middle = (start + (length - 1) / 2.0) * step;
            var alignment = Math.Cos(middle - septalAngle);
            if (alignment <= 0)
            {
                continue;
            }
            var score = arcDeg * alignment;
            if (score > bestScore)
            {
                bestScore = score;
                best = (start, length);
            }
        }
        if (best is not { } arc)
        {
            return null;
        }
        var centre = Deepest(run, arc.Start, arc.Length);
        var deepestMm = run[centre % rays];
        var first = TipTowards(run, centre, arc.Start, -1, deepestMm);
        var last = TipTowards(run, centre, arc.Start + arc.Length - 1, +1, deepestMm);
        if ((last - first + 1) * 360.0 / rays < MinArcDeg)
        {
            return null;
        }
        double area = 0;
        for (var i = first; i <= last; i++)
        {
            // the cavity between the epicardium and the free wall, as a polar strip
            var inner = epi.RadiusAt(i * step);
            var depth = run[i % rays];
            area += step * (inner + depth / 2) * depth;
        }
        var end1 = first * step;
        var end2 = last * step;
        var firstIsAnterior = anatomicalSign is { } known ? known > 0
            : Anatomy.Direction(plane, end1).Dot(Anatomy.Anterior) >= Anatomy.Direction(plane, end2).Dot(Anatomy.Anterior);
        // The arc runs from its start towards increasing angle: from an anterior start, the septum lies at +angle.
        return firstIsAnterior ? (end1, end2, 1, area) : (end2, end1, -1, area);
    }

    /// <summary>
    /// The crescent's deepest ray in the middle half of the arc (unwrapped index; of equally deep rays, the one nearest the
    /// arc's middle). Only the middle half: at an arc's end the bright run can pass into another blood pool (the right
    /// atrium, the outflow tract), which is deeper than the crescent but not part of it.
    /// </summary>
    private static int Deepest(double[] run, int start, int length)
    {
        var n = run.Length;
        var middle = start + (length - 1) / 2.0;
        var from = start + length / 4;
        var best = from;
        for (var i = from; i < start + length - length / 4; i++)
        {
            var value = run[i % n];
            var bestValue = run[best % n];
            if (value > bestValue || (value == bestValue && Math.Abs(i - middle) < Math.Abs(best - middle)))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>
    /// The cavity's tip on one side of the septal arc, as an unwrapped ray index: walking from the arc's deepest ray towards
    /// its end, the crescent only thins (SCIENCE.md 5: the RV cavity tapers to nothing at each insertion, where its free
    /// wall joins the LV). Where, in the tapering part (thinner than <see cref="TipFraction"/> of the deepest), the bright
    /// band thickens again by <see cref="NotchRiseMm"/> past its thinnest point, the signal beyond is groove fat lying on the
    /// LV past the free wall's end, not RV blood: the insertion is that thinnest point (the nearest to the septum where
    /// several rays are equally thin). Without such a notch the arc's own end stands. The fraction keeps a trabecula or
    /// the moderator band, which shortens a few runs in the deep part of the cavity, from cutting the arc there.
    /// </summary>
    private static int TipTowards(double[] run, int centre, int end, int direction, double deepestMm)
    {
        var n = run.Length;
        var thinnest = double.MaxValue;
        var at = centre;
        for (var i = centre; i != end + direction; i += direction)
        {
            var value = run[((i % n) + n) % n];
            if (value < thinnest)
            {
                thinnest = value;
                at = i;
            }
            else if (value >= thinnest + NotchRiseMm && thinnest <= TipFraction * deepestMm)
            {
                return at;
            }
        }
        return end;
    }

    /// <summary>Circular runs of true rays (gaps of up to <paramref name="allowedGap"/> rays bridged), as (start, length).</summary>
    private static IEnumerable<(int Start, int Length)> Arcs(bool[] rays, int allowedGap)
    {
        var n = rays.Length;
        var filled = (bool[])rays.Clone();
        for (var a = 0; a < n; a++)
        {
            // a gap starts after a true ray: fill it when a true ray follows within the allowed length
            if (rays[a] && !rays[(a + 1) % n])
            {
                for (var gap = 1; gap <= allowedGap; gap++)
                {
                    if (rays[(a + gap + 1) % n])
                    {
                        for (var k = 1; k <= gap; k++)
                        {
                            filled[(a + k) % n] = true;
                        }
                        break;
                    }
                }
            }
        }
        if (filled.All(x => x))
        {
            yield break;
        }
        var origin = Array.IndexOf(filled, false);
        var runStart = -1;
        for (var step = 1; step <= n; step++)
        {
            var a = (origin + step) % n;
            if (filled[a] && runStart < 0)
            {
                runStart = a;
            }
            if (!filled[a] && runStart >= 0)
            {
                yield return (runStart, (a - runStart + n) % n);
                runStart = -1;
            }
        }
    }
}
