using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Segments;

namespace CartLedger.Cmr.Segments;

/// <summary>
/// Puts what the CMR compute measures on the shared segment models (CartLedger.Domain.Segments): a point of a
/// full slice, at an image angle, lies at the slice's level fraction and at theta from the anterior RV
/// insertion, and the domain's lookup names its 36-, 18- and AHA 17-segment. Only full slices (myocardium all
/// round) carry segments, as the AHA levels prescribe.
/// </summary>
public sealed class SegmentMap(CineSegmentation segmentation)
{
    public CineSegmentation Segmentation { get; } = segmentation;

    /// <summary>The 36-segment (and its parents) of an image angle on a full slice; null for other slices.</summary>
    public SegmentLocation? Locate(SegmentedSlice slice, double imageAngleRad)
    {
        var level = Segmentation.LevelFraction(slice);
        if (double.IsNaN(level))
        {
            return null;
        }
        return SegmentLookup.Locate(level, Segmentation.Orientation.ModelAngleDeg(slice.Plane, imageAngleRad));
    }

    /// <summary>The 36-segment on a plane other than the cine's (e.g. the LGE) at the level of cine slice <paramref name="cineSliceIndex"/>.</summary>
    public SegmentLocation? Locate(int cineSliceIndex, Imaging.Geometry.SlicePlane plane, double imageAngleRad)
    {
        var slice = Segmentation.SlicesBaseToApex[cineSliceIndex];
        var level = Segmentation.LevelFraction(slice);
        if (double.IsNaN(level))
        {
            return null;
        }
        return SegmentLookup.Locate(level, Segmentation.Orientation.ModelAngleDeg(plane, imageAngleRad));
    }
}
