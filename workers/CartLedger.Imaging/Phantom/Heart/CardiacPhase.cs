using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The heart at one moment: regional endocardial circumferential strain, longitudinal strain (the base moves
/// towards the fixed epicardial apex), twist (apex counter-clockwise, base clockwise, seen from the apex) and RV
/// shortening. <see cref="ToEndDiastole"/> maps a point back to where its tissue was at end-diastole: the
/// myocardium is incompressible (the area of every ring of wall scales with 1 / (1 + longitudinal strain)), so
/// the wall thickens as it shortens.
/// </summary>
public sealed record CardiacPhase(double TimeMs, RegionalGrid Strain, double LongitudinalStrain, double ApicalTwistDeg,
    double BasalTwistDeg, double RvStrain)
{
    public bool IsEndDiastole => LongitudinalStrain == 0 && ApicalTwistDeg == 0 && BasalTwistDeg == 0;

    /// <summary>How far the base plane has moved along Ez (negative: towards the apex), mm.</summary>
    public double BaseShiftMm(LvGeometry lv) => (lv.BasePlaneZMm + lv.EpiAxialMm) * LongitudinalStrain;

    /// <summary>Local frame coordinates now -> local frame coordinates at end-diastole (the material point).</summary>
    public Vec3 ToEndDiastole(LvGeometry lv, Vec3 local)
    {
        if (IsEndDiastole && RvStrain == 0)
        {
            return local;
        }
        var zFixed = -lv.EpiAxialMm;
        var z = zFixed + (local.Z - zFixed) / (1 + LongitudinalStrain);
        var s = lv.LevelFraction(z);
        var twist = BasalTwistDeg + (ApicalTwistDeg - BasalTwistDeg) * Math.Clamp(s, 0, 1);
        var rhoNow = Math.Sqrt(local.X * local.X + local.Y * local.Y);
        var theta = HeartFrame.ThetaDeg(local) - twist;
        var epsilon = Strain[s, theta];
        var endo = lv.EndoRadius(z, theta);
        var endoNow = endo * (1 + epsilon);
        double rho;
        if (rhoNow <= endoNow && endoNow > 0)
        {
            rho = rhoNow / (1 + epsilon);
        }
        else
        {
            rho = Math.Sqrt(Math.Max(0, endo * endo + (rhoNow * rhoNow - endoNow * endoNow) * (1 + LongitudinalStrain)));
        }
        var t = theta * Math.PI / 180;
        return new Vec3(rho * Math.Cos(t), rho * Math.Sin(t), z);
    }
}
