using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// The LV segmentation of a cine from label masks drawn elsewhere (SCIENCE.md 2: contours or label masks are the way
/// in when the automatic segmentation fails or an expert's is wanted). Per slice, the end-diastolic mask fixes the centre
/// (its blood pool's centroid) and every labelled phase becomes a pair of star-shaped contours on the chain's rays: the
/// endocardium at the outermost blood-pool pixel along each ray (papillary muscles inside the pool are skipped), the
/// epicardium where the myocardium joined to it ends (a second, separate myocardial blob further out, such as a
/// mislabelled RV wall, is not taken). Phases without a mask (experts often draw end-diastole and end-systole only) are
/// propagated from the nearest labelled phases as the automatic chain propagates its own, with the wall and blood
/// signal measured under the masks. Coverage, the RV insertion orientation, end-systole and the long axis then follow
/// exactly as in <see cref="CineSegmenter"/>. Masks are checked: an image the cine does not hold, a wrong size, a label
/// other than 0-2, a labelled slice without an end-diastolic mask, or no slice with myocardium all round is refused
/// naming the mask and the reason.
/// </summary>
public static class LabelMaskSegmentation
{
    private const double RayStepMm = 0.25;
    private const double MaxGapMm = 1.0;
    private const double MinFullRingFraction = 0.85;
    private const double MinPoolAreaOfEndDiastole = 0.5;

    public static CineSegmentation Segment(CineStack cine, IReadOnlyList<LabelMask> masks, SegmentationParameters p, int endDiastolePhase, string source)
    {
        var ordered = CineOrder.BaseToApex(cine);
        var phases = cine.PhaseCount;
        if (endDiastolePhase < 0 || endDiastolePhase >= phases)
        {
            throw new InvalidDataException($"{source}: end-diastole phase {endDiastolePhase} is outside the cine's {phases} phases");
        }
        var byImage = Place(ordered, masks, cine.SeriesInstanceUid);
        var warnings = new List<string>();
        var slices = new List<SegmentedSlice>();
        var oriented = new List<(SlicePlane Plane, Image2D Image, SliceContours Contours, IntensityModel Intensities)>();
        for (var s = 0; s < ordered.Count; s++)
        {
            var slice = ordered[s];
            var grid = PixelGrid.Of(slice.Plane);
            var frame = slice.Frames[0];
            var labelled = Enumerable.Range(0, phases).Where(t => byImage.TryGetValue((s, t), out var m) && m.Count(LabelMask.BloodPool) > 0).ToList();
            if (labelled.Count == 0)
            {
                slices.Add(new SegmentedSlice(s, slice.Plane, frame.Width, frame.Height, SliceCoverage.None, []));
                continue;
            }
            if (!labelled.Contains(endDiastolePhase))
            {
                throw new InvalidDataException($"{byImage[(s, labelled[0])].Source}: cine slice {s} (base to apex) has a blood pool labelled at phase {labelled[0] + 1} but none at end-diastole (phase {endDiastolePhase + 1}, {CineOrder.SopInstanceUid(slice, endDiastolePhase)}): label end-diastole on every slice with LV");
            }
            var edMask = byImage[(s, endDiastolePhase)];
            var centre = PoolCentre(edMask);
            var perPhase = new SliceContours?[phases];
            var intensities = new IntensityModel?[phases];
            foreach (var t in labelled)
            {
                perPhase[t] = Contours(byImage[(s, t)], centre, grid, p);
                intensities[t] = Intensities(slice.Frames[t], byImage[(s, t)], grid, p);
            }
            var coverage = Coverage(perPhase[endDiastolePhase]!, grid);
            // A labelled phase where the slice has left the LV (the base moves towards the apex in systole: the pool shrinks
            // to an outflow-tract remnant, the ring opens) describes no LV wall to follow: it is propagated instead, as the
            // automatic chain carries its contours, so strain is not measured across a ring that is not there.
            var edArea = perPhase[endDiastolePhase]!.Endocardium.AreaMm2();
            var dropped = labelled.Where(t => t != endDiastolePhase
                && (perPhase[t]!.Endocardium.AreaMm2() < MinPoolAreaOfEndDiastole * edArea || (coverage == SliceCoverage.Full && Coverage(perPhase[t]!, grid) != SliceCoverage.Full))).ToList();
            foreach (var t in dropped)
            {
                (perPhase[t], intensities[t]) = (null, null);
            }
            var used = labelled.Except(dropped).ToList();
            var propagated = Propagate(slice, perPhase, intensities, used, grid, p);
            if (dropped.Count > 0)
            {
                warnings.Add($"Cine slice {s}: {dropped.Count} labelled phase(s) ({string.Join(", ", dropped.Select(t => t + 1))}) show the slice leaving the LV (pool under half of end-diastole's, or the ring open) and were propagated instead.");
            }
            if (propagated > dropped.Count && s == ordered.Count / 2)
            {
                warnings.Add($"Label masks cover {used.Count} of {phases} phases on mid slice {s}; the other phases were propagated from them.");
            }
            slices.Add(new SegmentedSlice(s, slice.Plane, frame.Width, frame.Height, coverage, perPhase.Select(c => c!).ToList()));
            if (coverage == SliceCoverage.Full)
            {
                oriented.Add((slice.Plane, slice.Frames[endDiastolePhase], perPhase[endDiastolePhase]!, intensities[endDiastolePhase]!));
            }
        }
        if (oriented.Count == 0)
        {
            throw new InvalidDataException($"{source}: no cine slice has myocardium (label 2) all round its blood pool (label 1) at end-diastole: nothing to analyse");
        }
        var orientation = RvInsertion.Orient(oriented, p, CineOrder.ApicalNormal(ordered));
        if (orientation.Source != "detected")
        {
            warnings.Add("RV insertion points not found: segment models oriented by the anatomical septal direction.");
        }
        var (baseCentre, apex) = LongAxis.Ends(slices, endDiastolePhase);
        warnings.Insert(0, $"Contours from label masks ({source}).");
        return new CineSegmentation(slices, orientation, endDiastolePhase, CineSegmenter.EndSystole(slices, phases, endDiastolePhase), baseCentre, apex, warnings);
    }

    /// <summary>Every mask placed on its cine image (by the SOP Instance UID its source is named after), with its size and labels checked.</summary>
    private static Dictionary<(int Slice, int Phase), LabelMask> Place(IReadOnlyList<CineSlice> ordered, IReadOnlyList<LabelMask> masks, string series)
    {
        var where = new Dictionary<string, (int Slice, int Phase)>(StringComparer.Ordinal);
        for (var s = 0; s < ordered.Count; s++)
        {
            for (var t = 0; t < ordered[s].PhaseCount; t++)
            {
                where[CineOrder.SopInstanceUid(ordered[s], t)] = (s, t);
            }
        }
        var placed = new Dictionary<(int, int), LabelMask>();
        foreach (var mask in masks)
        {
            var uid = Path.GetFileNameWithoutExtension(mask.Source);
            if (!where.TryGetValue(uid, out var at))
            {
                continue; // another series' image (cmr segment also labels the LGE): not the cine's
            }
            var image = ordered[at.Slice].Frames[at.Phase];
            if (mask.Width != image.Width || mask.Height != image.Height)
            {
                throw new InvalidDataException($"{mask.Source}: {mask.Width}x{mask.Height} pixels, but cine image {uid} is {image.Width}x{image.Height}: a label mask lies on its image's own grid");
            }
            if (mask.Labels.FirstOrDefault(l => l > LabelMask.Myocardium) is var bad and > 0)
            {
                throw new InvalidDataException($"{mask.Source}: label {bad} found; label masks hold 0 background, 1 LV blood pool, 2 myocardium");
            }
            placed[at] = mask;
        }
        if (placed.Count == 0)
        {
            throw new InvalidDataException($"no label mask is named after an image of cine series {series} (masks are SOPInstanceUID.png, as `cartledger cmr segment` writes them)");
        }
        return placed;
    }


    /// <summary>The blood pool's centroid, which must lie in the pool (the rays of a star-shaped contour start there).</summary>
    private static Vec2 PoolCentre(LabelMask mask)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask.At(x, y) == LabelMask.BloodPool)
                {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        var centre = new Vec2(sx / n, sy / n);
        return mask.At((int)Math.Round(centre.X), (int)Math.Round(centre.Y)) == LabelMask.BloodPool
            ? centre
            : throw new InvalidDataException($"{mask.Source}: the blood pool's centroid ({centre.X:0.0}, {centre.Y:0.0}) is outside the pool (label 1 in more than one piece, or not star-shaped around its centre)");
    }

    /// <summary>Star-shaped endo- and epicardium on the chain's rays from <paramref name="centre"/>.</summary>
    public static SliceContours Contours(LabelMask mask, Vec2 centre, PixelGrid grid, SegmentationParameters p)
    {
        var endo = new double[p.AngleCount];
        var epi = new double[p.AngleCount];
        var step = 2 * Math.PI / p.AngleCount;
        for (var a = 0; a < p.AngleCount; a++)
        {
            var pool = new List<double>();
            var lv = new List<double>();
            for (var r = 0.0; r <= p.MaxRadiusMm; r += RayStepMm)
            {
                var pixel = centre + grid.Offset(r, a * step);
                pool.Add(mask.Fraction(pixel, l => l == LabelMask.BloodPool));
                lv.Add(mask.Fraction(pixel, l => l != LabelMask.Background));
            }
            var endoAt = LastCrossing(pool, 0, pool.Count);
            var epiAt = endoAt;
            var outside = 0;
            for (var k = (int)Math.Ceiling(endoAt); k < lv.Count && outside * RayStepMm <= MaxGapMm; k++)
            {
                if (lv[k] >= 0.5)
                {
                    outside = 0;
                    epiAt = LastCrossing(lv, k, k + 2);
                }
                else
                {
                    outside++;
                }
            }
            endo[a] = endoAt * RayStepMm;
            epi[a] = Math.Max(epiAt, endoAt) * RayStepMm;
        }
        return new SliceContours(new PolarContour(centre, Smoothed(endo), grid), new PolarContour(centre, Smoothed(epi), grid));
    }

    /// <summary>
    /// Radii smoothed round the contour by a binomial [1 4 6 4 1]/16 kernel (one ray's standard deviation): what is left
    /// of the pixel staircase after reading between pixels, which strain (a small difference of perimeters) would
    /// otherwise turn into noise; a mask carries no finer shape than its pixels anyway.
    /// </summary>
    private static double[] Smoothed(double[] radii)
    {
        var n = radii.Length;
        var result = new double[n];
        for (var a = 0; a < n; a++)
        {
            result[a] = (radii[(a - 2 + n) % n] + 4 * radii[(a - 1 + n) % n] + 6 * radii[a] + 4 * radii[(a + 1) % n] + radii[(a + 2) % n]) / 16;
        }
        return result;
    }

    /// <summary>
    /// Where (in samples, fractional) the profile last falls through 0.5 within [<paramref name="from"/>, <paramref name="to"/>):
    /// linear between the last sample at or above 0.5 and the next one; 0 when none is.
    /// </summary>
    private static double LastCrossing(IReadOnlyList<double> profile, int from, int to)
    {
        for (var k = Math.Min(to, profile.Count) - 1; k >= from; k--)
        {
            if (profile[k] >= 0.5)
            {
                if (k + 1 >= profile.Count)
                {
                    return k;
                }
                var next = profile[k + 1];
                return k + (profile[k] - 0.5) / Math.Max(profile[k] - next, 1e-9);
            }
        }
        return 0;
    }

    /// <summary>Blood and wall signal under the labels (the smoothed image, as the automatic chain measures them).</summary>
    private static IntensityModel Intensities(Image2D image, LabelMask mask, PixelGrid grid, SegmentationParameters p)
    {
        var smoothed = SliceSegmenter.Smooth(image, grid, p);
        var blood = new List<float>();
        var wall = new List<float>();
        for (var i = 0; i < mask.Labels.Length; i++)
        {
            (mask.Labels[i] == LabelMask.BloodPool ? blood : mask.Labels[i] == LabelMask.Myocardium ? wall : null)?.Add(smoothed.Pixels[i]);
        }
        var bloodLevel = Thresholds.Median(blood);
        return new IntensityModel(bloodLevel, wall.Count == 0 ? bloodLevel / 2 : Math.Min(Thresholds.Median(wall), bloodLevel));
    }

    /// <summary>
    /// Fills the unlabelled phases: each run between two labelled phases (round the cycle) is propagated forwards from
    /// the one before for its first half and backwards from the one after for the rest. Returns how many were filled.
    /// </summary>
    private static int Propagate(CineSlice slice, SliceContours?[] contours, IntensityModel?[] intensities, IReadOnlyList<int> labelled, PixelGrid grid, SegmentationParameters p)
    {
        var n = contours.Length;
        var filled = 0;
        for (var i = 0; i < labelled.Count; i++)
        {
            var from = labelled[i];
            var to = labelled[(i + 1) % labelled.Count];
            var gap = (to - from - 1 + n) % n;
            if (labelled.Count == 1)
            {
                gap = n - 1;
            }
            var forward = (gap + 1) / 2;
            var current = new SliceSegmentation(contours[from]!, intensities[from]!);
            for (var k = 1; k <= forward; k++)
            {
                var t = (from + k) % n;
                current = SliceSegmenter.Propagate(slice.Frames[t], current, grid, p);
                contours[t] = current.Contours;
                filled++;
            }
            current = new SliceSegmentation(contours[to]!, intensities[to]!);
            for (var k = 1; k <= gap - forward; k++)
            {
                var t = (to - k + n) % n;
                current = SliceSegmenter.Propagate(slice.Frames[t], current, grid, p);
                contours[t] = current.Contours;
                filled++;
            }
        }
        return filled;
    }

    /// <summary>Full when myocardium (at least half a pixel thick) lies on 85 % of the rays, else Partial.</summary>
    private static SliceCoverage Coverage(SliceContours contours, PixelGrid grid)
    {
        var minimum = 0.5 * Math.Min(grid.XSpacingMm, grid.YSpacingMm);
        var walled = Enumerable.Range(0, contours.Endocardium.AngleCount).Count(a => contours.WallThicknessMm(a) >= minimum);
        return walled >= MinFullRingFraction * contours.Endocardium.AngleCount ? SliceCoverage.Full : SliceCoverage.Partial;
    }
}
