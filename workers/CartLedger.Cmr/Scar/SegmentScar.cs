using CartLedger.Cmr.Segments;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Scar per 36-segment: each LGE chord is placed at its cine slice's level and its angle from the anterior RV
/// insertion; a segment's transmurality is the mean of its chords (SCIENCE.md 3), in percent. Chords of LGE
/// slices at partial (valve-plane) levels carry no segment.
/// </summary>
public static class SegmentScar
{
    /// <summary>Transmurality % of segments 1-36 (index 0 unused) and the segments no chord reached (filled from the nearest level).</summary>
    public static (double[] TransmuralityPercent, IReadOnlyList<int> Borrowed) Of(ScarResult scar, SegmentMap map)
    {
        var pooled = new PerSegment<double>();
        foreach (var slice in scar.Slices)
        {
            var endo = slice.Slice.Contours.Endocardium;
            for (var k = 0; k < slice.ChordTransmurality.Count; k++)
            {
                if (map.Locate(slice.Slice.CineSliceIndex, slice.Slice.Plane, endo.AngleOf(k)) is { } location)
                {
                    pooled.Add(location.Segment36, slice.ChordTransmurality[k]);
                }
            }
        }
        var (values, borrowed) = pooled.Completed();
        var percent = new double[37];
        for (var n = 1; n <= 36; n++)
        {
            percent[n] = values[n].Count == 0 ? 0 : 100 * values[n].Average();
        }
        return (percent, borrowed);
    }

    /// <summary>Chord transmurality (%) under theta on the LGE slice at cine slice <paramref name="cineSliceIndex"/>, or null without one.</summary>
    public static double? AtTheta(ScarResult scar, SegmentMap map, int cineSliceIndex, double thetaDeg)
    {
        var slice = scar.Slices.FirstOrDefault(s => s.Slice.CineSliceIndex == cineSliceIndex);
        if (slice is null)
        {
            return null;
        }
        var endo = slice.Slice.Contours.Endocardium;
        var angle = map.Segmentation.Orientation.ImageAngleRad(slice.Slice.Plane, thetaDeg);
        var position = angle / endo.AngleStepRad;
        position -= Math.Floor(position / endo.AngleCount) * endo.AngleCount;
        var k0 = (int)Math.Floor(position) % endo.AngleCount;
        var k1 = (k0 + 1) % endo.AngleCount;
        var f = position - Math.Floor(position);
        return 100 * (slice.ChordTransmurality[k0] * (1 - f) + slice.ChordTransmurality[k1] * f);
    }
}
