using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>How much of the LV a short-axis slice cuts.</summary>
public enum SliceCoverage
{
    /// <summary>No LV cavity found (above the base or below the apex, or not in view).</summary>
    None,

    /// <summary>Cavity found but the myocardium is not all round (valve plane, outflow tract): not used for segments.</summary>
    Partial,

    /// <summary>Myocardium all round the cavity: the slices the AHA levels are made of.</summary>
    Full,
}

/// <summary>One slice position's contours at every phase (empty when <see cref="Coverage"/> is None).</summary>
public sealed record SegmentedSlice(int Index, SlicePlane Plane, int Width, int Height, SliceCoverage Coverage, IReadOnlyList<SliceContours> Phases)
{
    public bool HasLv => Coverage != SliceCoverage.None && Phases.Count > 0;
}

/// <summary>
/// Where the segment models start, in patient space (so it serves the cine, the LGE and the mesh alike):
/// theta = 0 along the anterior RV insertion direction, increasing towards the septum (SCIENCE.md 5).
/// </summary>
/// <param name="AnteriorDirection">Unit LPS direction from the LV centre to the anterior RV insertion point (in the short-axis plane).</param>
/// <param name="InferiorDirection">Unit LPS direction to the inferior RV insertion point.</param>
/// <param name="SeptalAxis">Unit LPS axis (along the long axis) about which a right-handed turn from the anterior direction goes towards the septum.</param>
/// <param name="Source">"detected" (RV cavity found beside the septum) or "anatomical prior" (no RV found: the typical septal direction).</param>
public sealed record SegmentOrientation(Vec3 AnteriorDirection, Vec3 InferiorDirection, Vec3 SeptalAxis, string Source)
{
    /// <summary>Theta (degrees, 0-360) of a direction from the LV centre; the component along the long axis is ignored.</summary>
    public double ModelAngleDeg(Vec3 direction)
    {
        var inPlane = direction - SeptalAxis * direction.Dot(SeptalAxis);
        var degrees = Math.Atan2(AnteriorDirection.Cross(inPlane).Dot(SeptalAxis), AnteriorDirection.Dot(inPlane)) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees >= 360 ? 0 : degrees;
    }

    /// <summary>Theta of an in-plane image angle (mm space, 0 = +x towards +y) on <paramref name="plane"/>.</summary>
    public double ModelAngleDeg(SlicePlane plane, double imageAngleRad) => ModelAngleDeg(Anatomy.Direction(plane, imageAngleRad));

    /// <summary>The LPS direction of theta (degrees).</summary>
    public Vec3 Direction(double modelAngleDeg)
    {
        var t = modelAngleDeg * Math.PI / 180;
        return AnteriorDirection * Math.Cos(t) + SeptalAxis.Cross(AnteriorDirection) * Math.Sin(t);
    }

    /// <summary>The image angle of theta on <paramref name="plane"/>.</summary>
    public double ImageAngleRad(SlicePlane plane, double modelAngleDeg) => Anatomy.InPlaneAngle(plane, Direction(modelAngleDeg));
}

/// <summary>
/// The LV segmented through a whole cine stack: every slice at every phase, ordered base to apex, with the
/// segment-model orientation, the end-diastolic and end-systolic phases and the long axis.
/// </summary>
public sealed record CineSegmentation(
    IReadOnlyList<SegmentedSlice> SlicesBaseToApex,
    SegmentOrientation Orientation,
    int EndDiastolePhase,
    int EndSystolePhase,
    Vec3 BaseCentreLps,
    Vec3 ApexLps,
    IReadOnlyList<string> Warnings)
{
    public Vec3 BaseToApex => (ApexLps - BaseCentreLps).Normalized();

    public IEnumerable<SegmentedSlice> FullSlices => SlicesBaseToApex.Where(s => s.Coverage == SliceCoverage.Full);

    /// <summary>The fraction (0 at the basal-most full slice, 1 at the apical-most) of a full slice; NaN for others.</summary>
    public double LevelFraction(SegmentedSlice slice)
    {
        var full = FullSlices.ToList();
        var i = full.IndexOf(slice);
        if (i < 0)
        {
            return double.NaN;
        }
        return full.Count == 1 ? 0.5 : (i + 0.5) / full.Count;
    }
}
