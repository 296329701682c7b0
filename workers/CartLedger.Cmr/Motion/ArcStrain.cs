using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Segmentation;

namespace CartLedger.Cmr.Motion;

/// <summary>
/// The deformation of one short stretch of wall between two neighbouring tracked points, through the cycle:
/// the endocardial arc length between them (circumferential) and the wall thickness at their middle (radial).
/// </summary>
public sealed record ArcStrain(double EdMidAngleRad, double[] EndocardialLengthMm, double[] WallThicknessMm);

/// <summary>Arc lengths and wall thicknesses of every tracked stretch of one slice.</summary>
public static class ArcStrains
{
    private const int StepsPerArc = 4;

    public static IReadOnlyList<ArcStrain> Of(TrackedContour tracked, IReadOnlyList<SliceContours> phases, int edPhase)
    {
        var points = tracked.AnglesRad[edPhase].Length;
        var arcs = new List<ArcStrain>(points);
        for (var k = 0; k < points; k++)
        {
            var next = (k + 1) % points;
            var lengths = new double[phases.Count];
            var thickness = new double[phases.Count];
            for (var t = 0; t < phases.Count; t++)
            {
                var a0 = tracked.AnglesRad[t][k];
                var a1 = a0 + ContourTracker.Wrap(tracked.AnglesRad[t][next] - a0);
                lengths[t] = ArcLengthMm(phases[t].Endocardium, a0, a1);
                var middle = 0.5 * (a0 + a1);
                thickness[t] = phases[t].Epicardium.RadiusAt(middle) - phases[t].Endocardium.RadiusAt(middle);
            }
            var edMiddle = tracked.AnglesRad[edPhase][k] + 0.5 * ContourTracker.Wrap(tracked.AnglesRad[edPhase][next] - tracked.AnglesRad[edPhase][k]);
            arcs.Add(new ArcStrain(edMiddle, lengths, thickness));
        }
        return arcs;
    }

    /// <summary>Length (mm) of the contour between two angles, by chords over small angular steps.</summary>
    private static double ArcLengthMm(PolarContour contour, double from, double to)
    {
        var grid = contour.Grid;
        double length = 0;
        var previous = grid.Offset(contour.RadiusAt(from), from);
        for (var i = 1; i <= StepsPerArc; i++)
        {
            var angle = from + (to - from) * i / StepsPerArc;
            var point = grid.Offset(contour.RadiusAt(angle), angle);
            length += grid.LengthMm(point - previous);
            previous = point;
        }
        return length;
    }
}
