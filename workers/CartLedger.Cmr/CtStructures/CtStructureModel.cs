using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.CtStructures;

/// <summary>
/// The structures traced on the CT (seed 1: "the location of the CSO and course of the LPN were segmented manually from
/// CT data"): the left phrenic nerve as a 3D curve and the coronary sinus ostium as a point, in the CT's own frame of
/// reference (LPS mm). They are registered to fluoroscopy apart from the CMR model (seed 1 fused CT and CMR separately).
/// </summary>
public sealed record CtStructureModel(string CtFrameOfReferenceUid, IReadOnlyList<Vec3> PhrenicNervePathLps, Vec3? CoronarySinusOstiumLps)
{
    /// <summary>Length of the phrenic nerve path, mm.</summary>
    public double PhrenicNerveLengthMm => PhrenicNervePathLps.Zip(PhrenicNervePathLps.Skip(1), (a, b) => a.DistanceTo(b)).Sum();

    /// <summary>Shortest distance (mm) from a point to the phrenic nerve polyline (for lead-to-nerve distances); null without a traced nerve.</summary>
    public double? DistanceToPhrenicNerveMm(Vec3 point)
    {
        if (PhrenicNervePathLps.Count == 0)
        {
            return null;
        }
        if (PhrenicNervePathLps.Count == 1)
        {
            return point.DistanceTo(PhrenicNervePathLps[0]);
        }
        var best = double.MaxValue;
        for (var i = 0; i + 1 < PhrenicNervePathLps.Count; i++)
        {
            var a = PhrenicNervePathLps[i];
            var ab = PhrenicNervePathLps[i + 1] - a;
            var t = ab.LengthSquared < 1e-12 ? 0 : Math.Clamp((point - a).Dot(ab) / ab.LengthSquared, 0, 1);
            best = Math.Min(best, point.DistanceTo(a + ab * t));
        }
        return best;
    }
}
