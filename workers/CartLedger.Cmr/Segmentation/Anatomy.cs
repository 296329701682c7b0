using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Where the heart's parts lie in a supine, head-first patient, in LPS: the LV apex points left, anterior and
/// inferior; the RV (and so the septum, seen from the LV) lies to the right and anterior. Used only as priors
/// and tie-breakers (which stack end is the apex, which side the septum is on), never as the answer.
/// </summary>
public static class Anatomy
{
    /// <summary>Typical base-to-apex direction of the LV long axis (Cerqueira 2002 planes; ~45 degrees to each body axis).</summary>
    public static Vec3 BaseToApex { get; } = new Vec3(0.6, -0.5, -0.6).Normalized();

    /// <summary>Typical direction from the LV centre to the septum / RV centre.</summary>
    public static Vec3 LvToSeptum { get; } = new Vec3(-0.8, -0.6, 0).Normalized();

    /// <summary>Anterior, in LPS.</summary>
    public static Vec3 Anterior { get; } = new(0, -1, 0);

    /// <summary>The in-plane image angle (radians, mm space, 0 = +x towards +y) of a patient direction projected on a slice.</summary>
    public static double InPlaneAngle(SlicePlane plane, Vec3 direction) =>
        Math.Atan2(direction.Dot(plane.YAxis), direction.Dot(plane.XAxis));

    /// <summary>The patient direction of an in-plane image angle.</summary>
    public static Vec3 Direction(SlicePlane plane, double angleRad) =>
        plane.XAxis * Math.Cos(angleRad) + plane.YAxis * Math.Sin(angleRad);
}
