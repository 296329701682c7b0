using CartLedger.Domain.Values;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Workers.Registration;

/// <summary>Between the registration library's rigid transform and the domain's pose (R = Rz Ry Rx, degrees; translation mm).</summary>
public static class Poses
{
    public static RigidPose ToDomain(RigidTransform t)
    {
        var r = t.Rotation;
        var ry = Math.Asin(Math.Clamp(-r.M20, -1, 1));
        var rx = Math.Atan2(r.M21, r.M22);
        var rz = Math.Atan2(r.M10, r.M00);
        const double deg = 180 / Math.PI;
        return new RigidPose(Math.Round(rx * deg, 4), Math.Round(ry * deg, 4), Math.Round(rz * deg, 4),
            Math.Round(t.Translation.X, 3), Math.Round(t.Translation.Y, 3), Math.Round(t.Translation.Z, 3));
    }

    public static RigidTransform FromDomain(RigidPose p) =>
        new(Mat3.FromEulerDeg(p.RotationXDeg, p.RotationYDeg, p.RotationZDeg), new Vec3(p.TranslationXMm, p.TranslationYMm, p.TranslationZMm));
}
