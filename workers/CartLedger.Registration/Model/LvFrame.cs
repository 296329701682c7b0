using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Model;

/// <summary>
/// The LV coordinate frame that defines segments (SCIENCE.md 5), in model coordinates (mm): theta is measured from
/// <see cref="ThetaZero"/> (the anterior RV insertion) towards <see cref="ThetaNinety"/> (towards the septum); height
/// runs along <see cref="LongAxis"/> from apex to base. The level fraction is 0 at the base plane and 1 where the cavity
/// ends; points beyond the cavity are the apical cap, points above the base plane count as basal.
/// </summary>
public sealed record LvFrame(Vec3 Origin, Vec3 ThetaZero, Vec3 ThetaNinety, Vec3 LongAxis, double BasePlaneHeightMm, double CavityEndHeightMm)
{
    /// <summary>The segment of each model at a point on (or near) the LV surface.</summary>
    public SegmentLocation Locate(Vec3 modelPoint)
    {
        var (fraction, thetaDeg) = Coordinates(modelPoint);
        return fraction > 1 ? SegmentLookup.ApicalCap : SegmentLookup.Locate(Math.Max(0, fraction), thetaDeg);
    }

    /// <summary>Level fraction (0 at the base plane, 1 where the cavity ends, more beyond) and theta (degrees, -180..180).</summary>
    public (double LevelFraction, double ThetaDeg) Coordinates(Vec3 modelPoint)
    {
        var d = modelPoint - Origin;
        var fraction = (BasePlaneHeightMm - d.Dot(LongAxis)) / (BasePlaneHeightMm - CavityEndHeightMm);
        return (fraction, Math.Atan2(d.Dot(ThetaNinety), d.Dot(ThetaZero)) * 180 / Math.PI);
    }
}
