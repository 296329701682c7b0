using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Puts the cine's end-diastolic contours on the LGE images (SCIENCE.md 1: cine and LGE are acquired at the
/// same positions and orientation; LGE is a diastolic image). Each LGE slice takes the contours of the cine
/// slice nearest along the normal, within half a slice gap, mapped point by point through patient coordinates
/// onto the LGE pixel grid. An LGE stack that is not parallel to the cine is refused: its contours would cut
/// the wall obliquely and every transmurality would be wrong.
/// </summary>
public static class LgeContourTransfer
{
    private const double ParallelToleranceDeg = 5;

    public static IReadOnlyList<LgeSlice> Transfer(CineStack lge, CineSegmentation cine)
    {
        var cineSlices = cine.SlicesBaseToApex.Where(s => s.HasLv).ToList();
        if (cineSlices.Count == 0 || lge.Slices.Count == 0)
        {
            return [];
        }
        var reference = cineSlices[0].Plane;
        var gap = LongAxis.SliceGapMm(cine.SlicesBaseToApex);
        var result = new List<LgeSlice>();
        for (var i = 0; i < lge.Slices.Count; i++)
        {
            var slice = lge.Slices[i];
            if (!slice.Plane.IsParallelTo(reference, ParallelToleranceDeg) && !IsAntiParallel(slice.Plane, reference))
            {
                throw new CmrAnalysisException("lge-orientation-mismatch",
                    $"LGE slice {i} is tilted {TiltDeg(slice.Plane, reference):0} degrees from the cine short-axis planes: cine and LGE must share orientation.");
            }
            var position = reference.DistanceAlongNormal(slice.Plane.Origin);
            var nearest = cineSlices.MinBy(c => Math.Abs(reference.DistanceAlongNormal(c.Plane.Origin) - position))!;
            if (Math.Abs(reference.DistanceAlongNormal(nearest.Plane.Origin) - position) > gap / 2)
            {
                continue;
            }
            var contours = Map(nearest.Phases[cine.EndDiastolePhase], nearest.Plane, slice.Plane);
            result.Add(new LgeSlice(nearest.Index, slice.Plane, slice.Frames[0], contours, slice.SopInstanceUids.Count > 0 ? slice.SopInstanceUids[0] : ""));
        }
        return result;
    }

    /// <summary>Maps both contours through patient space onto another plane's grid, sharing one centre and ray set.</summary>
    public static SliceContours Map(SliceContours contours, SlicePlane from, SlicePlane to)
    {
        var grid = PixelGrid.Of(to);
        var centre = to.ToPixel(from.ToPatient(contours.Endocardium.Centre));
        var count = contours.Endocardium.AngleCount;
        IReadOnlyList<Vec2> MapPolygon(PolarContour c) => c.ToPolygon().Select(p => to.ToPixel(from.ToPatient(p))).ToArray();
        return new SliceContours(
            Polygons.ToPolar(MapPolygon(contours.Endocardium), centre, count, grid),
            Polygons.ToPolar(MapPolygon(contours.Epicardium), centre, count, grid));
    }

    private static bool IsAntiParallel(SlicePlane a, SlicePlane b) => Math.Abs(a.Normal.Dot(b.Normal)) >= Math.Cos(ParallelToleranceDeg * Math.PI / 180);

    private static double TiltDeg(SlicePlane a, SlicePlane b) => Math.Acos(Math.Clamp(Math.Abs(a.Normal.Dot(b.Normal)), 0, 1)) * 180 / Math.PI;
}
