using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Acquisition;

namespace CartLedger.Cmr.Evaluation;

/// <summary>
/// Why the 36-segment scar calls (scarred = transmurality above 0 %) disagree with the phantom's: the found scar also
/// placed on the segments with the phantom's true orientation (the RV insertion error taken out), and the phantom's
/// own LGE scar labels put through the same chords and segments (the scar mask taken out: what the segment mapping
/// alone loses, from the slice levels, the LGE slice sampling and the found contours).
/// </summary>
/// <param name="ScarredTrue">Per 36-segment (index 0 = segment 1): truly scarred.</param>
/// <param name="Found">The found scar in the found frame (what the proposal uses).</param>
/// <param name="FoundTrueOrientation">The found scar in the true orientation.</param>
/// <param name="LabelsFoundOrientation">The phantom's LGE scar labels in the found frame.</param>
/// <param name="LabelsTrueOrientation">The phantom's LGE scar labels in the true orientation.</param>
/// <param name="FoundTransmuralityPercent">Found transmurality per 36-segment (index 0 = segment 1), %.</param>
/// <param name="TrueTransmuralityPercent">True transmurality per 36-segment, %.</param>
public sealed record ScarDiagnosis(
    IReadOnlyList<bool> ScarredTrue,
    IReadOnlyList<bool> Found,
    IReadOnlyList<bool> FoundTrueOrientation,
    IReadOnlyList<bool> LabelsFoundOrientation,
    IReadOnlyList<bool> LabelsTrueOrientation,
    IReadOnlyList<double> FoundTransmuralityPercent,
    IReadOnlyList<double> TrueTransmuralityPercent);

/// <summary>Segment confusion counts of found against true scarred segments.</summary>
public sealed record SegmentConfusion(int TruePositive, int FalsePositive, int FalseNegative, int TrueNegative)
{
    public static SegmentConfusion Of(IReadOnlyList<bool> truth, IReadOnlyList<bool> found)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            (tp, fp, fn, tn) = (truth[i], found[i]) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }
        return new SegmentConfusion(tp, fp, fn, tn);
    }
}

/// <summary>Makes a <see cref="ScarDiagnosis"/> (no image work beyond chord sampling: milliseconds).</summary>
public static class ScarDiagnostics
{
    public static ScarDiagnosis? Of(PhantomPatient patient, CmrAnalysis analysis)
    {
        if (analysis.Scar is not { } scarStep)
        {
            return null;
        }
        var scar = scarStep.Value;
        var segmentation = analysis.Segmentation.Value;
        var foundMap = new SegmentMap(segmentation);
        var trueMap = new SegmentMap(segmentation with { Orientation = PhantomFrame.TrueOrientation(patient) });
        var labels = LabelScar(patient, scar);
        var truth = patient.Truth.Segments36.OrderBy(s => s.Segment36).Select(s => s.TransmuralityPercent).ToList();
        var found = SegmentScar.Of(scar, foundMap).TransmuralityPercent.Skip(1).ToList();
        return new ScarDiagnosis(
            truth.Select(t => t > 0).ToList(),
            Scarred(scar, foundMap),
            Scarred(scar, trueMap),
            Scarred(labels, foundMap),
            Scarred(labels, trueMap),
            found,
            truth);
    }

    /// <summary>The found scar result with every slice's scar replaced by the phantom's LGE scar label (chords re-measured).</summary>
    public static ScarResult LabelScar(PhantomPatient patient, ScarResult found)
    {
        var slices = found.Slices.Select(s =>
        {
            var index = IndexOf(patient.Lge, s.Slice.Image);
            var label = new Mask2D(s.Scar.Width, s.Scar.Height, patient.LgeLabels[index].Select(l => l == MrSynthesizer.Scar ? (byte)1 : (byte)0).ToArray());
            var wall = s.Myocardium.Or(label);
            return s with { Myocardium = wall, Scar = label, ChordTransmurality = Transmurality.OfChords(label, wall, s.Slice.Contours) };
        }).ToList();
        return found with { Slices = slices };
    }

    private static List<bool> Scarred(ScarResult scar, SegmentMap map) => SegmentScar.Of(scar, map).TransmuralityPercent.Skip(1).Select(t => t > 0).ToList();

    private static int IndexOf(CineStack stack, Image2D image)
    {
        for (var i = 0; i < stack.Slices.Count; i++)
        {
            if (ReferenceEquals(stack.Slices[i].Frames[0], image))
            {
                return i;
            }
        }
        throw new InvalidOperationException("An analysed LGE image is not part of the phantom's LGE stack.");
    }
}
