using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Scar;

/// <summary>The scar on one LGE slice: myocardium, scar and the transmurality of each chord (one per contour ray).</summary>
public sealed record ScarSlice(LgeSlice Slice, Mask2D Myocardium, Mask2D Scar, IReadOnlyList<double> ChordTransmurality)
{
    public double MyocardiumAreaMm2 => Myocardium.Count() * Slice.Contours.Endocardium.Grid.PixelAreaMm2;

    public double ScarAreaMm2 => Scar.Count() * Slice.Contours.Endocardium.Grid.PixelAreaMm2;
}

/// <summary>Scar of a study: the threshold used, every slice, and the burden (scar / myocardial volume, %).</summary>
public sealed record ScarResult(FwhmParameters Parameters, FwhmThreshold Threshold, IReadOnlyList<ScarSlice> Slices)
{
    /// <summary>Scar burden, % of myocardial volume (equally spaced slices: areas stand for volumes).</summary>
    public double BurdenPercent
    {
        get
        {
            var myocardium = Slices.Sum(s => s.MyocardiumAreaMm2);
            return myocardium <= 0 ? 0 : 100 * Slices.Sum(s => s.ScarAreaMm2) / myocardium;
        }
    }
}

/// <summary>
/// The scar step of the chain: FWHM on every LGE slice inside its myocardium (one study-wide maximum), the
/// user's edits replayed in order, then chord transmurality. Pure: the same slices, parameters and edits give
/// the same masks bit for bit.
/// </summary>
public static class ScarAnalysis
{
    public static ScarResult Run(IReadOnlyList<LgeSlice> slices, FwhmParameters parameters, IReadOnlyList<ScarEdit>? edits = null)
    {
        edits ??= [];
        foreach (var change in edits.OfType<ScarThresholdChanged>())
        {
            parameters = parameters.WithThresholdFraction(change.ThresholdFraction);
        }
        var myocardium = slices.Select(s => s.Contours.MyocardiumMask(s.Image.Width, s.Image.Height)).ToArray();
        if (slices.Count == 0 || myocardium.All(m => m.IsEmpty))
        {
            throw new CmrAnalysisException("lge-no-myocardium", "No LGE slice has myocardium: scar cannot be measured.");
        }
        var margin = parameters.BorderMarginMm;
        var core = margin > 0 ? slices.Select((s, i) => PartialVolumeMargin.Core(myocardium[i], s.Contours, margin)).ToArray() : myocardium;
        var inputs = slices.Select((s, i) => new FwhmInput(s.Image, core[i], LgeBloodPool.Of(s.Contours, s.Image.Width, s.Image.Height), s.Contours.Endocardium.Grid.PixelAreaMm2)).ToList();
        var threshold = FwhmScar.ThresholdOf(inputs, parameters);
        var scar = new Mask2D[slices.Count];
        for (var i = 0; i < slices.Count; i++)
        {
            if (margin > 0)
            {
                var (measured, wall) = PartialVolumeMargin.Segment(slices[i].Image, myocardium[i], slices[i].Contours, margin, threshold);
                myocardium[i] = wall;
                scar[i] = FwhmScar.FillHoles(measured, wall, parameters);
            }
            else
            {
                scar[i] = FwhmScar.Segment(slices[i].Image, myocardium[i], threshold, parameters);
            }
        }
        for (var i = 0; i < slices.Count; i++)
        {
            scar[i] = FwhmScar.WithoutFat(scar[i], myocardium[i], parameters);
        }
        if (parameters.MinRegionMm2 > 0)
        {
            for (var i = 0; i < slices.Count; i++)
            {
                var pixels = (int)Math.Ceiling(parameters.MinRegionMm2 / slices[i].Contours.Endocardium.Grid.PixelAreaMm2);
                scar[i] = Regions.RemoveSmall(scar[i], pixels);
            }
        }
        if (parameters.MinIsolatedRegionMm2 > 0)
        {
            scar = ThroughPlaneSupport.Filter(
                slices.Select((s, i) => new ThroughPlaneSupport.Slice(scar[i], s.Contours.Endocardium.Centre.X, s.Contours.Endocardium.Centre.Y, s.CineSliceIndex, s.Contours.Endocardium.Grid.PixelAreaMm2)).ToList(),
                parameters.MinIsolatedRegionMm2);
        }
        foreach (var edit in edits)
        {
            Apply(edit, scar, myocardium);
        }
        var result = slices.Select((s, i) => new ScarSlice(s, myocardium[i], scar[i], Transmurality.OfChords(scar[i], myocardium[i], s.Contours))).ToList();
        return new ScarResult(parameters, threshold, result);
    }

    private static void Apply(ScarEdit edit, Mask2D[] scar, Mask2D[] myocardium)
    {
        switch (edit)
        {
            case ScarPixelsErased erased:
                foreach (var i in Pixels(erased.LgeSliceIndex, erased.PixelIndices, scar))
                {
                    scar[erased.LgeSliceIndex].Bits[i] = 0;
                }
                break;
            case ScarPixelsAdded added:
                foreach (var i in Pixels(added.LgeSliceIndex, added.PixelIndices, scar))
                {
                    scar[added.LgeSliceIndex].Bits[i] = myocardium[added.LgeSliceIndex].Bits[i];
                }
                break;
            case ScarThresholdChanged:
                break;
            default:
                throw new ArgumentException($"Unknown scar edit {edit.GetType().Name}.", nameof(edit));
        }
    }

    private static IReadOnlyList<int> Pixels(int slice, IReadOnlyList<int> indices, Mask2D[] scar)
    {
        if (slice < 0 || slice >= scar.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), slice, $"scar edit names LGE slice {slice}; the study has {scar.Length}");
        }
        var size = scar[slice].Bits.Length;
        foreach (var i in indices)
        {
            if (i < 0 || i >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"scar edit pixel {i} is outside LGE slice {slice} ({scar[slice].Width}x{scar[slice].Height})");
            }
        }
        return indices;
    }
}
