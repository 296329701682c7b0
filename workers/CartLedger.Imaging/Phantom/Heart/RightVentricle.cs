namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The RV as a crescent wrapped on the LV epicardium between theta = 0 (the anterior RV insertion point, by
/// construction) and theta = <see cref="WidthDeg"/> (the inferior insertion point), deepest over the septum and
/// tapering towards its apex at level <see cref="ApexLevel"/>; a free wall of <see cref="WallMm"/> covers it and
/// merges into the LV at both insertions.
/// </summary>
public sealed record RightVentricle(double WidthDeg, double MaxDepthMm, double ApexLevel, double WallMm, double TopAboveBaseMm)
{
    /// <summary>Cavity depth (radial, mm) outside the LV epicardium at level s and angle theta, at end-diastole.</summary>
    public double Depth(double s, double thetaDeg)
    {
        var theta = Segments.SegmentLabels.Wrap(thetaDeg);
        if (theta >= WidthDeg || s >= ApexLevel)
        {
            return 0;
        }
        var across = Math.Pow(Math.Sin(Math.PI * theta / WidthDeg), 0.6);
        var along = s <= 0 ? 1.0 : Math.Pow(Math.Clamp((ApexLevel - s) / (0.55 * ApexLevel), 0, 1), 0.7);
        var basalBulge = 1 + 0.15 * Math.Clamp(1 - s, 0, 1);
        return MaxDepthMm * across * along * basalBulge;
    }

    /// <summary>Outer depth of the free wall: the cavity plus the wall, tapering to nothing just past each insertion.</summary>
    public double WallDepth(double s, double thetaDeg, double cavityDepthMm, double epicardialRadiusMm)
    {
        if (s >= ApexLevel + 0.06)
        {
            return 0;
        }
        var apexTaper = Math.Clamp((ApexLevel + 0.06 - s) / 0.06, 0, 1);
        var theta = Segments.SegmentLabels.Wrap(thetaDeg);
        var outsideDeg = theta < WidthDeg ? 0 : Math.Min(theta - WidthDeg, 360 - theta);
        var outsideMm = outsideDeg * Math.PI / 180 * epicardialRadiusMm;
        var wall = WallMm * Math.Clamp(1 - outsideMm / (1.5 * WallMm), 0, 1);
        return (cavityDepthMm + wall) * apexTaper;
    }
}
