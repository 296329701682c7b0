using CartLedger.Cmr.Analysis;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Checks a short-axis cine stack and orders its slices from base to apex by position along the common
/// normal (never by instance number or slice location): the end towards the anatomical apex direction is the apex.
/// </summary>
public static class CineOrder
{
    public static IReadOnlyList<CineSlice> BaseToApex(CineStack cine)
    {
        Validate(cine);
        var normal = cine.Slices[0].Plane.Normal;
        var ascendingIsApical = normal.Dot(Anatomy.BaseToApex) >= 0;
        var sorted = cine.Slices.OrderBy(s => s.Plane.PositionAlongNormal).ToList();
        if (!ascendingIsApical)
        {
            sorted.Reverse();
        }
        return sorted;
    }

    /// <summary>
    /// The SOP Instance UID of one image of a slice: what contours.json and label masks name an image by; refused
    /// (<see cref="InvalidDataException"/>) for an image without one.
    /// </summary>
    public static string SopInstanceUid(CineSlice slice, int phase) =>
        slice.SopInstanceUids.Count > phase && slice.SopInstanceUids[phase].Length > 0 ? slice.SopInstanceUids[phase]
            : throw new InvalidDataException($"an image at {slice.Plane.Origin} has no SOPInstanceUID (0008,0018): contours and label masks cannot name it");

    /// <summary>The unit stack normal oriented from base to apex.</summary>
    public static Vec3 ApicalNormal(IReadOnlyList<CineSlice> baseToApex) =>
        baseToApex.Count < 2
            ? baseToApex[0].Plane.Normal * Math.Sign(baseToApex[0].Plane.Normal.Dot(Anatomy.BaseToApex) + 1e-12)
            : (baseToApex[^1].Plane.Origin - baseToApex[0].Plane.Origin).Dot(baseToApex[0].Plane.Normal) >= 0
                ? baseToApex[0].Plane.Normal
                : -baseToApex[0].Plane.Normal;

    private static void Validate(CineStack cine)
    {
        if (cine.Slices.Count == 0)
        {
            throw new CmrAnalysisException("cine-empty", $"Cine series {cine.SeriesInstanceUid} has no slices.");
        }
        var phases = cine.Slices[0].PhaseCount;
        for (var i = 0; i < cine.Slices.Count; i++)
        {
            var slice = cine.Slices[i];
            if (slice.PhaseCount != phases || slice.TriggerTimesMs.Count != slice.PhaseCount)
            {
                throw new CmrAnalysisException("cine-missing-phases",
                    $"Cine slice {i} (at {slice.Plane.PositionAlongNormal:0.0} mm) has {slice.PhaseCount} phases, slice 0 has {phases}: phases are missing.");
            }
            if (!slice.Plane.IsParallelTo(cine.Slices[0].Plane, 5))
            {
                throw new CmrAnalysisException("cine-not-short-axis-stack", $"Cine slice {i} is not parallel to slice 0: not one short-axis stack.");
            }
        }
        if (phases < 8)
        {
            throw new CmrAnalysisException("cine-missing-phases", $"Cine has {phases} phases per slice; motion analysis needs at least 8 (typically 25-30).");
        }
    }
}
