using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The LV's own frame (SCIENCE.md section 5): origin on the long axis at the equator of the end-diastolic
/// endocardial spheroid, <see cref="Ez"/> from apex to base, <see cref="Ex"/> towards the anterior RV insertion point
/// (theta = 0) and theta growing towards the septum (mid-septum at 60 degrees): counter-clockwise in a short-axis
/// view seen from the apex, which is counter-clockwise in the standard bullseye (anterior up, septum left).
/// </summary>
public sealed record HeartFrame(Vec3 Origin, Vec3 Ex, Vec3 Ez)
{
    /// <summary>The direction of theta = 90 degrees: Ex rotated a quarter turn about the apex direction -Ez.</summary>
    public Vec3 Et => Ex.Cross(Ez);

    /// <summary>Local coordinates (along Ex, along Et, along Ez) of a patient point.</summary>
    public Vec3 ToLocal(Vec3 p)
    {
        var d = p - Origin;
        return new Vec3(d.Dot(Ex), d.Dot(Et), d.Dot(Ez));
    }

    public Vec3 ToPatient(Vec3 local) => Origin + Ex * local.X + Et * local.Y + Ez * local.Z;

    /// <summary>The patient point at radius <paramref name="rhoMm"/>, angle theta and height z (mm along Ez).</summary>
    public Vec3 FromCylindrical(double rhoMm, double thetaDeg, double zMm)
    {
        var t = thetaDeg * Math.PI / 180;
        return ToPatient(new Vec3(rhoMm * Math.Cos(t), rhoMm * Math.Sin(t), zMm));
    }

    /// <summary>The unit direction at angle theta in the short-axis plane.</summary>
    public Vec3 Direction(double thetaDeg)
    {
        var t = thetaDeg * Math.PI / 180;
        return Ex * Math.Cos(t) + Et * Math.Sin(t);
    }

    /// <summary>Theta in [0, 360) of a local point.</summary>
    public static double ThetaDeg(Vec3 local)
    {
        var deg = Math.Atan2(local.Y, local.X) * 180 / Math.PI;
        return deg < 0 ? deg + 360 : deg;
    }

    /// <summary>A frame whose mid-septum (theta = 60) points along <paramref name="septalDirection"/> (made orthogonal to the axis).</summary>
    public static HeartFrame FromSeptum(Vec3 origin, Vec3 apexToBase, Vec3 septalDirection)
    {
        var ez = apexToBase.Normalized();
        var septum = (septalDirection - ez * septalDirection.Dot(ez)).Normalized();
        // Theta grows by right-handed rotation about the apex direction -Ez; theta = 0 lies 60 degrees before the septum.
        var ex = (Mat3.RotationAboutAxis(-ez, -60) * septum).Normalized();
        return new HeartFrame(origin, ex, ez);
    }
}
