using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// The LV long axis ends: the base centre (cavity centre of the basal-most segmented slice) and the apex,
/// extrapolated beyond the apical-most slice along the stack normal by the larger of half a slice gap and
/// half that slice's epicardial radius (a short-axis stack rarely cuts the apical cap itself; cmr-notes 5.2).
/// </summary>
public static class LongAxis
{
    public static (Vec3 BaseCentre, Vec3 Apex) Ends(IReadOnlyList<SegmentedSlice> baseToApex, int phase)
    {
        var withLv = baseToApex.Where(s => s.HasLv).ToList();
        if (withLv.Count == 0)
        {
            throw new ArgumentException("No slice with an LV to take the long axis from.", nameof(baseToApex));
        }
        var first = withLv[0];
        var last = withLv[^1];
        var baseCentre = first.Plane.ToPatient(first.Phases[phase].Endocardium.Centre);
        var apicalCentre = last.Plane.ToPatient(last.Phases[phase].Epicardium.Centre);
        var normal = last.Plane.Normal;
        var towardsApex = withLv.Count > 1 && (apicalCentre - baseCentre).Dot(normal) < 0 ? -normal : normal;
        if (withLv.Count == 1)
        {
            towardsApex = normal.Dot(Anatomy.BaseToApex) >= 0 ? normal : -normal;
        }
        var gap = SliceGapMm(baseToApex);
        var beyond = Math.Max(gap / 2, last.Phases[phase].Epicardium.MeanRadiusMm() / 2);
        return (baseCentre, apicalCentre + towardsApex * beyond);
    }

    /// <summary>Median distance between neighbouring slice planes, mm (8-10 mm typical).</summary>
    public static double SliceGapMm(IReadOnlyList<SegmentedSlice> slices)
    {
        if (slices.Count < 2)
        {
            return 8;
        }
        var gaps = new List<double>();
        for (var i = 1; i < slices.Count; i++)
        {
            gaps.Add(Math.Abs(slices[i].Plane.PositionAlongNormal - slices[i - 1].Plane.PositionAlongNormal));
        }
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }
}
