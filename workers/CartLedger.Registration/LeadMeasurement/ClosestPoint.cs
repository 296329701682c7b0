using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.LeadMeasurement;

/// <summary>Closest points on simple primitives (Ericson, Real-Time Collision Detection, 5.1.5 and 5.1.2).</summary>
public static class ClosestPoint
{
    /// <summary>The point of triangle abc nearest to p, with its barycentric weights (for a, b, c).</summary>
    public static (Vec3 Point, Vec3 Weights) OnTriangle(Vec3 p, Vec3 a, Vec3 b, Vec3 c)
    {
        Vec3 ab = b - a, ac = c - a, ap = p - a;
        double d1 = ab.Dot(ap), d2 = ac.Dot(ap);
        if (d1 <= 0 && d2 <= 0)
        {
            return (a, new Vec3(1, 0, 0));
        }
        var bp = p - b;
        double d3 = ab.Dot(bp), d4 = ac.Dot(bp);
        if (d3 >= 0 && d4 <= d3)
        {
            return (b, new Vec3(0, 1, 0));
        }
        var vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0)
        {
            var v = d1 / (d1 - d3);
            return (a + ab * v, new Vec3(1 - v, v, 0));
        }
        var cp = p - c;
        double d5 = ab.Dot(cp), d6 = ac.Dot(cp);
        if (d6 >= 0 && d5 <= d6)
        {
            return (c, new Vec3(0, 0, 1));
        }
        var vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0)
        {
            var w = d2 / (d2 - d6);
            return (a + ac * w, new Vec3(1 - w, 0, w));
        }
        var va = d3 * d6 - d5 * d4;
        if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0)
        {
            var w = (d4 - d3) / (d4 - d3 + (d5 - d6));
            return (b + (c - b) * w, new Vec3(0, 1 - w, w));
        }
        var denominator = 1 / (va + vb + vc);
        double vv = vb * denominator, ww = vc * denominator;
        return (a + ab * vv + ac * ww, new Vec3(1 - vv - ww, vv, ww));
    }

    /// <summary>The distance from p to a polyline (mm); infinity for an empty one.</summary>
    public static double DistanceToPolyline(Vec3 p, IReadOnlyList<Vec3> polyline)
    {
        if (polyline.Count == 1)
        {
            return p.DistanceTo(polyline[0]);
        }
        var best = double.PositiveInfinity;
        for (var i = 0; i + 1 < polyline.Count; i++)
        {
            var (a, b) = (polyline[i], polyline[i + 1]);
            var ab = b - a;
            var t = ab.LengthSquared > 0 ? Math.Clamp((p - a).Dot(ab) / ab.LengthSquared, 0, 1) : 0;
            best = Math.Min(best, p.DistanceTo(a + ab * t));
        }
        return best;
    }
}
