using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Finds the RV insertion points, which anchor every segment model (SCIENCE.md section 5: theta = 0 at the
/// anterior insertion, increasing towards the septum). On each full slice at end-diastole the septum is the
/// arc of the epicardium with RV blood right against it (an unbroken blood-bright run starting at the epicardium, 1.4.0);
/// among such arcs the one facing the anatomical septal direction wins; its ends are the insertion points, the
/// more anterior one (LPS) being the anterior insertion. The study-wide orientation is the circular mean over
/// slices (slices are parallel, one angle serves all); with no RV arc found anywhere, the anatomical septal
/// direction places the septum centre at 60 degrees (the AHA convention: insertions 120 degrees apart).
/// </summary>
public static class RvInsertion
{
    private const double LookOutsideMm = 8;
    private const double MinBloodMm = 3;
    private const double RunStartMm = 1;
    private const double MinArcDeg = 50;
    private const double MaxArcDeg = 220;
    private const int AllowedGapRays = 1;

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
        double sx = 0, sy = 0, ix = 0, iy = 0;
        var found = 0;
        var signVotes = 0;
        var plane = slices.Count > 0 ? slices[0].Plane : null;
        foreach (var (slicePlane, image, contours, intensities) in slices)
        {
            int? anatomicalSign = baseToApex is { } axis ? (slicePlane.Normal.Dot(axis) >= 0 ? 1 : -1) : null;
            if (Detect(slicePlane, image, contours, intensities, p, anatomicalSign) is { } arc)
            {
                sx += Math.Cos(arc.Anterior);
                sy += Math.Sin(arc.Anterior);
                ix += Math.Cos(arc.Inferior);
                iy += Math.Sin(arc.Inferior);
                signVotes += arc.Sign;
                found++;
            }
        }
        if (plane is null)
        {
            throw new ArgumentException("No segmented slice to orient the segment model on.", nameof(slices));
        }
        if (found == 0)
        {
            return FromPrior(plane);
        }
        var anterior = Math.Atan2(sy, sx);
        var inferior = Math.Atan2(iy, ix);
        var sign = signVotes != 0 ? Math.Sign(signVotes) : SignTowardsSeptum(plane, anterior);
        return Oriented(plane, anterior, inferior, sign, "detected");
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

    private static (double Anterior, double Inferior, int Sign)? Detect(SlicePlane plane, Image2D image, SliceContours contours, IntensityModel intensities, SegmentationParameters p, int? anatomicalSign)
    {
        var grid = PixelGrid.Of(plane);
        var smoothed = SliceSegmenter.Smooth(image, grid, p);
        var epi = contours.Epicardium;
        var rays = epi.AngleCount;
        var level = intensities.Myocardium + 0.5 * intensities.Contrast;
        var rv = new bool[rays];
        for (var a = 0; a < rays; a++)
        {
            // RV blood lies against the septum: the bright run must start at the epicardium and be unbroken. Bright signal
            // further out (epicardial fat in the interventricular grooves, as bright as blood in SSFP, lying outside the RV
            // free wall or, past the insertion, outside the wall's tapering end) does not count.
            double bright = 0;
            for (var r = epi.RadiiMm[a] + 0.5; r <= epi.RadiiMm[a] + LookOutsideMm; r += p.RadialStepMm)
            {
                var pixel = epi.Centre + grid.Offset(r, epi.AngleOf(a));
                var isBright = smoothed.Contains(pixel.X, pixel.Y) && smoothed.Sample(pixel.X, pixel.Y) >= level;
                if (isBright)
                {
                    bright += p.RadialStepMm;
                }
                else if (bright > 0 || r > epi.RadiiMm[a] + RunStartMm)
                {
                    break;
                }
            }
            rv[a] = bright >= MinBloodMm;
        }
        var septalAngle = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
        (int Start, int Length)? best = null;
        var bestScore = double.MinValue;
        foreach (var (start, length) in Arcs(rv))
        {
            var arcDeg = length * 360.0 / rays;
            if (arcDeg < MinArcDeg || arcDeg > MaxArcDeg)
            {
                continue;
            }
            var middle = epi.AngleOf(start) + (length - 1) * epi.AngleStepRad / 2;
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
        var end1 = epi.AngleOf(arc.Start);
        var end2 = epi.AngleOf((arc.Start + arc.Length - 1) % rays);
        var firstIsAnterior = anatomicalSign is { } known ? known > 0
            : Anatomy.Direction(plane, end1).Dot(Anatomy.Anterior) >= Anatomy.Direction(plane, end2).Dot(Anatomy.Anterior);
        // The arc runs from its start towards increasing angle: from an anterior start, the septum lies at +angle.
        return firstIsAnterior ? (end1, end2, 1) : (end2, end1, -1);
    }

    /// <summary>Circular runs of true rays (gaps of up to <see cref="AllowedGapRays"/> bridged), as (start, length).</summary>
    private static IEnumerable<(int Start, int Length)> Arcs(bool[] rays)
    {
        var n = rays.Length;
        var filled = (bool[])rays.Clone();
        for (var a = 0; a < n; a++)
        {
            if (!rays[a])
            {
                for (var gap = 1; gap <= AllowedGapRays; gap++)
                {
                    if (rays[(a - 1 + n) % n] && rays[(a + gap) % n])
                    {
                        filled[a] = true;
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
