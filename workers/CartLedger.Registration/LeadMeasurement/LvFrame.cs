using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.LeadMeasurement;

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
        var d = modelPoint - Origin;
        var height = d.Dot(LongAxis);
        var fraction = (BasePlaneHeightMm - height) / (BasePlaneHeightMm - CavityEndHeightMm);
        if (fraction > 1)
        {
            return SegmentLookup.ApicalCap;
        }
        var thetaDeg = Math.Atan2(d.Dot(ThetaNinety), d.Dot(ThetaZero)) * 180 / Math.PI;
        return SegmentLookup.Locate(Math.Max(0, fraction), thetaDeg);
    }
}
