using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Landmarks;

/// <summary>
/// Six pose parameters for least squares: a rotation vector (axis times angle, degrees) about a fixed centre, then a
/// translation (mm). Rotating about the model's own centre keeps rotation and translation nearly uncorrelated.
/// </summary>
public static class PoseParameters
{
    /// <summary>The rigid transform p -> R(w) (p - c) + c + t applied after <paramref name="start"/>.</summary>
    public static RigidTransform ToTransform(ReadOnlySpan<double> parameters, Vec3 centre, RigidTransform start)
    {
        var rotation = FromRotationVectorDeg(new Vec3(parameters[0], parameters[1], parameters[2]));
        var translation = new Vec3(parameters[3], parameters[4], parameters[5]);
        return start.Then(new RigidTransform(rotation, centre + translation - rotation * centre));
    }

    /// <summary>Rodrigues' formula; the rotation vector's length is the angle in degrees.</summary>
    public static Mat3 FromRotationVectorDeg(Vec3 rotationVectorDeg)
    {
        var angle = rotationVectorDeg.Length;
        return angle < 1e-12 ? Mat3.Identity : Mat3.RotationAboutAxis(rotationVectorDeg / angle, angle);
    }

    /// <summary>The rotation angle of a rotation matrix, degrees (0..180).</summary>
    public static double AngleDeg(Mat3 rotation) =>
        Math.Acos(Math.Clamp((rotation.M00 + rotation.M11 + rotation.M22 - 1) / 2, -1, 1)) * 180 / Math.PI;
}
