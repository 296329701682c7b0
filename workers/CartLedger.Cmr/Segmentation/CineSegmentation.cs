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

/// <summary>Where the segment models start: the anterior RV insertion point's in-plane angle and which way the septum lies.</summary>
/// <param name="AnteriorInsertionAngleRad">Image angle (mm space, 0 = +x towards +y) of the anterior RV insertion point seen from the LV centre.</param>
/// <param name="SeptalSign">+1 when the septum is reached from the anterior insertion by increasing image angle, -1 otherwise.</param>
/// <param name="InferiorInsertionAngleRad">Image angle of the inferior RV insertion point.</param>
/// <param name="Source">"detected" (RV cavity found beside the septum) or "anatomical prior" (no RV found: the typical septal direction).</param>
public sealed record SegmentOrientation(double AnteriorInsertionAngleRad, double InferiorInsertionAngleRad, int SeptalSign, string Source)
{
    /// <summary>The segment-model angle (degrees, 0-360) of an image angle: 0 at the anterior insertion, increasing towards the septum.</summary>
    public double ModelAngleDeg(double imageAngleRad)
    {
        var degrees = SeptalSign * (imageAngleRad - AnteriorInsertionAngleRad) * 180 / Math.PI;
        degrees %= 360;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /// <summary>The image angle of a segment-model angle (inverse of <see cref="ModelAngleDeg"/>).</summary>
    public double ImageAngleRad(double modelAngleDeg) => AnteriorInsertionAngleRad + SeptalSign * modelAngleDeg * Math.PI / 180;
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
