using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// Segments the LV in every slice and phase of a short-axis cine stack, fully automatically:
/// locate the LV on a mid slice; segment end-diastole slice by slice towards apex and base, each slice seeded
/// by its neighbour's centre (3D continuity) and stopping where no LV-sized cavity remains; re-seed slices
/// whose centre strays from the long axis fitted through the others; then carry every slice's contours
/// through the cycle from end-diastole, forwards and backwards (the cycle closes on end-diastole) to meet
/// half-way; orient the segment models on the RV insertion points; pick end-systole as the smallest cavity.
/// </summary>
public static class CineSegmenter
{
    private const double MaxAxisDeviationMm = 12;
    private const double MaxAreaGrowth = 1.8;

    public static CineSegmentation Segment(CineStack cine, SegmentationParameters p, int endDiastolePhase = 0)
    {
        var ordered = CineOrder.BaseToApex(cine);
        var warnings = new List<string>();
        var mid = ordered.Count / 2;
        var seed = FindSeed(ordered, mid, p, out var seedSlice);
        if (seed is null)
        {
            throw new CmrAnalysisException("lv-not-found", "No LV cavity found in the mid-ventricular slices: is the LV in the field of view?");
        }
        var ed = new SliceSegmentation?[ordered.Count];
        ed[seedSlice] = SliceSegmenter.SegmentFromSeed(ordered[seedSlice].Frames[endDiastolePhase], seed.Value, PixelGrid.Of(ordered[seedSlice].Plane), p);
        Walk(ordered, ed, seedSlice, +1, endDiastolePhase, p);
        Walk(ordered, ed, seedSlice, -1, endDiastolePhase, p);
        AxisConsistency.Enforce(ordered, ed, endDiastolePhase, p, MaxAxisDeviationMm, warnings);
        var reference = ed[seedSlice]?.Intensities;
        var coverage = ordered.Select((s, i) => ed[i] is { } e ? RingCoverage.Of(s.Frames[endDiastolePhase], PixelGrid.Of(s.Plane), e, p, reference) : SliceCoverage.None).ToArray();
        var phases = new IReadOnlyList<SliceContours>[ordered.Count];
        Parallel.For(0, ordered.Count, i => phases[i] = ed[i] is { } e ? Propagate(ordered[i], e, endDiastolePhase, p) : []);
        var slices = ordered.Select((s, i) => new SegmentedSlice(i, s.Plane, s.Frames[0].Width, s.Frames[0].Height, coverage[i], phases[i])).ToList();
        var oriented = ordered.Select((s, i) => (s, i)).Where(x => coverage[x.i] == SliceCoverage.Full && ed[x.i] is not null)
            .Select(x => (x.s.Plane, x.s.Frames[endDiastolePhase], ed[x.i]!.Contours, ed[x.i]!.Intensities)).ToList();
        if (oriented.Count == 0)
        {
            throw new CmrAnalysisException("lv-not-found", "No slice shows myocardium all round the LV cavity.");
        }
        var orientation = RvInsertion.Orient(oriented, p, CineOrder.ApicalNormal(ordered));
        if (orientation.Source != "detected")
        {
            warnings.Add("RV insertion points not found: segment models oriented by the anatomical septal direction.");
        }
        var (baseCentre, apex) = LongAxis.Ends(slices, endDiastolePhase);
        return new CineSegmentation(slices, orientation, endDiastolePhase, EndSystole(slices, cine.PhaseCount, endDiastolePhase), baseCentre, apex, warnings);
    }

    private static Vec2? FindSeed(IReadOnlyList<CineSlice> ordered, int mid, SegmentationParameters p, out int seedSlice)
    {
        foreach (var offset in new[] { 0, 1, -1, 2, -2 })
        {
            var i = mid + offset;
            if (i >= 0 && i < ordered.Count && LvLocator.Locate(ordered[i], p) is { } seed)
            {
                seedSlice = i;
                return seed;
            }
        }
        seedSlice = -1;
        return null;
    }

    /// <summary>Segments end-diastole slice after slice in one direction, each seeded by its neighbour's centre.</summary>
    private static void Walk(IReadOnlyList<CineSlice> ordered, SliceSegmentation?[] ed, int from, int direction, int phase, SegmentationParameters p)
    {
        var previous = ed[from];
        for (var i = from + direction; i >= 0 && i < ordered.Count && previous is not null; i += direction)
        {
            var plane = ordered[i].Plane;
            var seed = plane.ToPixel(ordered[i - direction].Plane.ToPatient(previous.Contours.Endocardium.Centre));
            var result = SliceSegmenter.SegmentFromSeed(ordered[i].Frames[phase], seed, PixelGrid.Of(plane), p);
            if (result is not null && result.Contours.Endocardium.AreaMm2() > MaxAreaGrowth * previous.Contours.Endocardium.AreaMm2() + 200)
            {
                result = null;
            }
            ed[i] = result;
            previous = result;
        }
    }

    /// <summary>Forwards from end-diastole to half the cycle, backwards (through the last phase) for the rest.</summary>
    private static IReadOnlyList<SliceContours> Propagate(CineSlice slice, SliceSegmentation ed, int edPhase, SegmentationParameters p)
    {
        var count = slice.PhaseCount;
        var grid = PixelGrid.Of(slice.Plane);
        var result = new SliceContours[count];
        result[edPhase] = ed.Contours;
        var forward = count / 2;
        var current = ed;
        for (var step = 1; step <= forward; step++)
        {
            var phase = (edPhase + step) % count;
            current = SliceSegmenter.Propagate(slice.Frames[phase], current, grid, p);
            result[phase] = current.Contours;
        }
        current = ed;
        for (var step = 1; step < count - forward; step++)
        {
            var phase = (edPhase - step + count) % count;
            current = SliceSegmenter.Propagate(slice.Frames[phase], current, grid, p);
            result[phase] = current.Contours;
        }
        return result;
    }

    internal static int EndSystole(IReadOnlyList<SegmentedSlice> slices, int phaseCount, int edPhase)
    {
        var best = edPhase;
        var bestVolume = double.MaxValue;
        for (var phase = 0; phase < phaseCount; phase++)
        {
            var volume = slices.Where(s => s.HasLv).Sum(s => s.Phases[phase].Endocardium.AreaMm2());
            if (volume < bestVolume)
            {
                bestVolume = volume;
                best = phase;
            }
        }
        return best;
    }
}
