using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.Segmentation;
using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Values;

namespace CartLedger.Workers.Cmr;

/// <summary>Turns a CMR analysis into the decider's commands: segmentation, scar, activation, mesh, target proposal.</summary>
public static class CmrCommands
{
    public static (IReadOnlyList<ProcedureCommand> Commands, byte[] MeshBlob) From(CmrAnalysis a, Guid studyId, string cineSeriesUid, Actor by, DateTimeOffset at, CmrParameters p)
    {
        var seg = a.Segmentation;
        var (edv, esv, myo) = Volumes(seg.Value);
        var commands = new List<ProcedureCommand>
        {
            new RecordMyocardiumSegmentation(by, at, studyId, cineSeriesUid, seg.Algorithm.OutputSha256, new Millilitres(edv), new Millilitres(esv), new Millilitres(myo), seg.Algorithm),
        };
        if (a.Scar is { } scar)
        {
            var (transmurality, burden) = ScarValues(a);
            commands.Add(new RecordScarSegmentation(by, at, ScarMethod.FullWidthHalfMaximum, scar.Value.Parameters.ThresholdFraction, transmurality, burden, scar.Algorithm.OutputSha256, scar.Algorithm));
        }
        var activation = a.Activation;
        commands.Add(new RecordActivationMap(by, at, ActivationMethod.CircumferentialStrainTimeToPeak,
            activation.Value.Segments.Where(s => s.Segment.Number is >= 1 and <= 36).OrderBy(s => s.Segment.Number)
                .Select(s => new SegmentActivation(s.Segment, s.TimeToPeakMs is { } t ? new Milliseconds(Math.Round(Math.Clamp(t, 0, 2000), 1)) : null, Math.Round(-s.PeakCircumferentialPercent, 2)))
                .ToValueList(),
            activation.Algorithm.OutputSha256, activation.Algorithm));
        var mesh = MeshBlob.From(a.Mesh.Value);
        var bytes = mesh.ToBytes();
        commands.Add(new RecordEpicardialMesh(by, at, Ledger.Blobs.BlobStore.HashOf(bytes), mesh.VertexCount, mesh.TriangleCount, a.Mesh.Algorithm));
        if (a.Scar is not null)
        {
            commands.Add(new ProposeTargets(by, at, p.Targets));
        }
        return (commands, bytes);
    }

    /// <summary>The scar as the ledger records it: per-36-segment transmurality (0.1 %) and burden (0.01 %, within 0-100).</summary>
    public static (ValueList<SegmentScar> Transmurality, Percent Burden) ScarValues(CmrAnalysis a) =>
        (a.Measurements.Where(m => m.Segment.Number is >= 1 and <= 36).OrderBy(m => m.Segment.Number)
            .Select(m => new SegmentScar(m.Segment, new Percent(Math.Round(m.ScarTransmuralityPercent, 1)))).ToValueList(),
         new Percent(Math.Round(Math.Clamp(a.Scar?.Value.BurdenPercent ?? 0, 0, 100), 2)));

    /// <summary>Summation of discs over the slices with LV: cavity at ED and ES, myocardium at ED (ml).</summary>
    public static (double EdvMl, double EsvMl, double MyocardiumMl) Volumes(CineSegmentation s)
    {
        var slices = s.SlicesBaseToApex.Where(x => x.HasLv).ToList();
        var all = s.SlicesBaseToApex;
        var spacing = all.Count > 1 ? Math.Abs(all[^1].Plane.PositionAlongNormal - all[0].Plane.PositionAlongNormal) / (all.Count - 1) : 8;
        double Sum(Func<SegmentedSlice, double> areaMm2) => slices.Sum(areaMm2) * spacing / 1000;
        var edv = Sum(x => x.Phases[s.EndDiastolePhase].Endocardium.AreaMm2());
        var esv = Sum(x => x.Phases[s.EndSystolePhase].Endocardium.AreaMm2());
        var myo = Sum(x => x.Phases[s.EndDiastolePhase].Epicardium.AreaMm2() - x.Phases[s.EndDiastolePhase].Endocardium.AreaMm2());
        return (Math.Round(edv, 1), Math.Round(esv, 1), Math.Round(Math.Max(myo, 0), 1));
    }
}
