using System.Diagnostics;
using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Provenance;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Segments;
using CartLedger.Cmr.Surface;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Analysis;

/// <summary>
/// The CMR planning chain, from an imported cine (and LGE) to proposed LV lead targets: segmentation, scar,
/// activation, mesh, measurements, proposal. Each step is also callable alone, so a worker recomputes only what
/// an edit invalidates (a scar edit redoes scar, mesh and proposal; a contour import redoes everything).
/// Every step returns its algorithm identity and input/output hashes for the event that records it.
/// </summary>
public static class CmrAnalyzer
{
    public static CmrAnalysis Run(CineStack cine, CineStack? lge, CmrParameters p, IReadOnlyList<ScarEdit>? scarEdits = null, CineSegmentation? importedContours = null)
    {
        var cineHash = Hashes.Of(cine);
        var segmentation = importedContours is null ? Segment(cine, cineHash, p) : Imported(importedContours, cineHash);
        var scar = lge is null ? null : ScarOf(lge, Hashes.Of(lge), segmentation, p.Scar, scarEdits ?? []);
        var activation = ActivationOf(cine, cineHash, segmentation, p.Tracking);
        return Complete(segmentation, scar, activation, p.Targets);
    }

    /// <summary>Mesh, measurements and proposal from the three measured steps (what a scar edit recomputes).</summary>
    public static CmrAnalysis Complete(StepResult<CineSegmentation> segmentation, StepResult<ScarResult>? scar, StepResult<ActivationResult> activation, TargetRuleParameters rule)
    {
        var warnings = new List<string>(segmentation.Value.Warnings);
        var map = new SegmentMap(segmentation.Value);
        var transmurality = new double[37];
        if (scar is not null)
        {
            var (percent, borrowed) = SegmentScar.Of(scar.Value, map);
            transmurality = percent;
            if (borrowed.Count > 0)
            {
                warnings.Add($"No LGE slice at the level of 36-segments {string.Join(", ", borrowed)}: their scar is taken from the nearest level.");
            }
        }
        else
        {
            warnings.Add("No LGE: scar is unknown and taken as none; targets ignore scar.");
        }
        var borrowedActivation = activation.Value.Segments.Where(s => s.BorrowedFromNeighbourLevel).Select(s => s.Segment.Number).ToList();
        if (borrowedActivation.Count > 0)
        {
            warnings.Add($"No cine slice at the level of 36-segments {string.Join(", ", borrowedActivation)}: their activation is taken from the nearest level.");
        }
        var activationMs = new double?[37];
        foreach (var s in activation.Value.Segments)
        {
            activationMs[s.Segment.Number] = s.TimeToPeakMs;
        }
        var mesh = MeshOf(segmentation, scar, activation, map, transmurality, activationMs);
        var measurements = Measurements(transmurality, activation.Value);
        var proposal = TargetProposer.Propose(measurements, rule);
        return new CmrAnalysis(segmentation, scar, activation, mesh, measurements, proposal, warnings);
    }

    public static StepResult<CineSegmentation> Segment(CineStack cine, string cineHash, CmrParameters p)
    {
        var clock = Stopwatch.StartNew();
        var result = CineSegmenter.Segment(cine, p.Segmentation, p.EndDiastolePhase);
        var info = Algorithms.Info(Algorithms.SegmentationName, Algorithms.SegmentationVersion,
            Algorithms.Parameters(p.Segmentation).Append(Algorithms.Parameter("endDiastolePhase", p.EndDiastolePhase)), [cineHash], Hashes.Of(result));
        return new StepResult<CineSegmentation>(result, info, clock.Elapsed);
    }

    /// <summary>Contours imported from another tool: recorded as a "manual import" step with the stack they belong to.</summary>
    public static StepResult<CineSegmentation> Imported(CineSegmentation contours, string cineHash) =>
        new(contours, Algorithms.Info("cartledger.cmr.contour-import", Algorithms.SegmentationVersion, [], [cineHash], Hashes.Of(contours)), TimeSpan.Zero);

    public static StepResult<ScarResult> ScarOf(CineStack lge, string lgeHash, StepResult<CineSegmentation> segmentation, FwhmParameters p, IReadOnlyList<ScarEdit> edits)
    {
        var clock = Stopwatch.StartNew();
        var slices = LgeContourTransfer.Transfer(lge, segmentation.Value);
        var result = ScarAnalysis.Run(slices, p, edits);
        var parameters = Algorithms.Parameters(result.Parameters).Append(Algorithms.Parameter("edits", edits.Count));
        var info = Algorithms.Info(Algorithms.ScarName, Algorithms.ScarVersion, parameters, [lgeHash, segmentation.Algorithm.OutputSha256, EditsHash(edits)], Hashes.Of(result));
        return new StepResult<ScarResult>(result, info, clock.Elapsed);
    }

    public static StepResult<ActivationResult> ActivationOf(CineStack cine, string cineHash, StepResult<CineSegmentation> segmentation, TrackingParameters p)
    {
        var clock = Stopwatch.StartNew();
        var result = ActivationAnalysis.Run(CineOrder.BaseToApex(cine), segmentation.Value, p);
        var info = Algorithms.Info(Algorithms.ActivationName, Algorithms.ActivationVersion, Algorithms.Parameters(p), [cineHash, segmentation.Algorithm.OutputSha256], Hashes.Of(result));
        return new StepResult<ActivationResult>(result, info, clock.Elapsed);
    }

    private static StepResult<EpicardialMesh> MeshOf(StepResult<CineSegmentation> segmentation, StepResult<ScarResult>? scar, StepResult<ActivationResult> activation, SegmentMap map, double[] transmurality, double?[] activationMs)
    {
        var clock = Stopwatch.StartNew();
        Func<int, double, double?> chord = scar is null ? (_, _) => null : (slice, theta) => SegmentScar.AtTheta(scar.Value, map, slice, theta);
        var mesh = EpicardialLoft.Build(segmentation.Value, chord, transmurality, activationMs);
        string[] inputs = scar is null
            ? [segmentation.Algorithm.OutputSha256, activation.Algorithm.OutputSha256]
            : [segmentation.Algorithm.OutputSha256, scar.Algorithm.OutputSha256, activation.Algorithm.OutputSha256];
        var info = Algorithms.Info(Algorithms.MeshName, Algorithms.MeshVersion, [Algorithms.Parameter("pointsPerRing", EpicardialLoft.PointsPerRing)], inputs, Hashes.Of(mesh));
        return new StepResult<EpicardialMesh>(mesh, info, clock.Elapsed);
    }

    /// <summary>The target rule's input: every 36-segment's transmurality, time to peak and peak shortening.</summary>
    public static IReadOnlyList<SegmentMeasurement> Measurements(double[] transmuralityPercent, ActivationResult activation) =>
        activation.Segments.Select(s => new SegmentMeasurement(
            s.Segment,
            Math.Clamp(transmuralityPercent[s.Segment.Number], 0, 100),
            s.TimeToPeakMs is { } t ? Math.Clamp(t, 0, 2000) : null,
            Math.Clamp(-s.PeakCircumferentialPercent, 0, 200))).ToList();

    private static string EditsHash(IReadOnlyList<ScarEdit> edits)
    {
        using var h = new CanonicalHash();
        h.Add("scar-edits").Add(edits.Count);
        foreach (var edit in edits)
        {
            switch (edit)
            {
                case ScarThresholdChanged change:
                    h.Add("threshold").Add(change.ThresholdFraction);
                    break;
                case ScarPixelsErased erased:
                    h.Add("erase").Add(erased.LgeSliceIndex).Add(erased.PixelIndices.Count);
                    foreach (var i in erased.PixelIndices)
                    {
                        h.Add(i);
                    }
                    break;
                case ScarPixelsAdded added:
                    h.Add("add").Add(added.LgeSliceIndex).Add(added.PixelIndices.Count);
                    foreach (var i in added.PixelIndices)
                    {
                        h.Add(i);
                    }
                    break;
                default:
                    break;
            }
        }
        return h.Hex();
    }

    /// <summary>The segment a proposal names, readable ("mid anterolateral 1").</summary>
    public static string Label(SegmentId segment) => SegmentModels.Describe(segment).Label;
}
