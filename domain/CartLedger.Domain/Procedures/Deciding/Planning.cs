using System.Text.RegularExpressions;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

// Planning from CMR/CT: import, segmentation, scar, activation, phrenic nerve, sinus ostium, mesh.
public static partial class ProcedureDecider
{
    private static StudyImported Import(ImportStudy c, ProcedureState state)
    {
        Reject.Unless(c.StudyId != Guid.Empty && state.Studies.All(s => s.StudyId != c.StudyId), "study.duplicate", $"study {c.StudyId} is empty or already imported");
        Reject.Blank(c.StudyInstanceUid, "study.uid_required", "study instance UID is required");
        Reject.Unless(c.Series.Count > 0, "study.no_series", "a study needs at least one series");
        foreach (var series in c.Series)
        {
            Reject.Unless(series.BlobSha256.Count > 0 && series.BlobSha256.All(IsSha256), "study.blob_hashes_invalid",
                $"series {series.SeriesInstanceUid}: every file needs its SHA-256 (64 lower-case hex digits)");
            var g = series.Geometry;
            Reject.Unless(g.Rows > 0 && g.Columns > 0 && g.SliceCount > 0 && g.PhaseCount > 0 && g.RowSpacingMm > 0 && g.ColumnSpacingMm > 0 && g.SliceThicknessMm > 0
                && g.ImageOrientationPatient.Count == 6, "study.geometry_invalid",
                $"series {series.SeriesInstanceUid}: geometry needs positive sizes and spacings and 6 orientation cosines");
        }
        return new StudyImported(c.By, c.OccurredAt, c.StudyId, c.Modality, c.StudyInstanceUid, c.Series);
    }

    private static MyocardiumSegmented SegmentMyocardium(RecordMyocardiumSegmentation c, ProcedureState state)
    {
        var study = Reject.NotNull(state.Studies.FirstOrDefault(s => s.StudyId == c.StudyId && s.Modality == Modality.Cmr),
            "segmentation.requires_cmr_study", $"no CMR study {c.StudyId} has been imported");
        Reject.Unless(study.Series.Any(s => s.SeriesInstanceUid == c.CineSeriesUid), "segmentation.unknown_series", $"series {c.CineSeriesUid} is not in study {c.StudyId}");
        Reject.Unless(IsSha256(c.ContoursSha256), "segmentation.hash_invalid", "contours need their SHA-256");
        PhysiologicalRanges.Check(c.EndDiastolicVolumeMl.Value, PhysiologicalRanges.LvedvMl, "LVEDV", "ml");
        PhysiologicalRanges.Check(c.EndSystolicVolumeMl.Value, PhysiologicalRanges.LvesvMl, "LVESV", "ml");
        Reject.Unless(c.EndSystolicVolumeMl.Value < c.EndDiastolicVolumeMl.Value, "values.inconsistent", "LVESV must be smaller than LVEDV");
        return new MyocardiumSegmented(c.By, c.OccurredAt, c.StudyId, c.CineSeriesUid, c.ContoursSha256, c.EndDiastolicVolumeMl, c.EndSystolicVolumeMl, c.MyocardialVolumeMl, c.Algorithm);
    }

    private static ContoursAdjusted Adjust(AdjustContours c, ProcedureState state)
    {
        Reject.Unless(state.Myocardium is not null || state.Studies.Any(s => s.Modality == Modality.Cmr), "contours.require_segmentation",
            "there are no contours to adjust yet, and no CMR study to import contours for");
        Reject.Unless(IsSha256(c.ContoursSha256) && c.AdjustedSliceCount > 0, "contours.invalid", "adjusted contours need their SHA-256 and at least one slice");
        Reject.Blank(c.Note, "contours.note_required", "say what was adjusted and why");
        return new ContoursAdjusted(c.By, c.OccurredAt, c.ContoursSha256, c.AdjustedSliceCount, c.Note);
    }

    private static ScarSegmented SegmentScar(RecordScarSegmentation c, ProcedureState state)
    {
        Reject.NotNull(state.Myocardium, "scar.requires_myocardium", "segment the myocardium before the scar (FWHM works inside it)");
        CheckScar(c.ThresholdFraction, c.Transmurality, c.ScarMaskSha256);
        return new ScarSegmented(c.By, c.OccurredAt, c.Method, c.ThresholdFraction, c.Transmurality, c.ScarBurdenPercent, c.ScarMaskSha256, c.Algorithm);
    }

    private static ScarEdited Edit(EditScar c, ProcedureState state)
    {
        Reject.NotNull(state.Scar, "scar.requires_segmentation", "there is no scar segmentation to edit yet");
        CheckScar(c.ThresholdFraction, c.Transmurality, c.ScarMaskSha256);
        Reject.Unless(c.ErasedPixelCount >= 0 && c.AddedPixelCount >= 0, "scar.invalid", "pixel counts cannot be negative");
        Reject.Blank(c.Note, "scar.note_required", "say what was edited and why");
        return new ScarEdited(c.By, c.OccurredAt, c.ThresholdFraction, c.ErasedPixelCount, c.AddedPixelCount, c.Transmurality, c.ScarBurdenPercent, c.ScarMaskSha256, c.Note);
    }

    private static void CheckScar(double thresholdFraction, ValueList<SegmentScar> transmurality, string maskSha256)
    {
        Reject.Unless(thresholdFraction is > 0 and <= 1, "scar.threshold_invalid", "the threshold fraction must be in (0, 1] (FWHM: 0.5)");
        RequireAll36(transmurality.Select(t => t.Segment), "scar.segments_incomplete");
        Reject.Unless(IsSha256(maskSha256), "scar.hash_invalid", "the scar mask needs its SHA-256");
    }

    private static MechanicalActivationMapped MapActivation(RecordActivationMap c, ProcedureState state)
    {
        Reject.NotNull(state.Myocardium, "activation.requires_myocardium", "segment the myocardium before mapping activation (tracking follows the contours)");
        RequireAll36(c.Segments.Select(s => s.Segment), "activation.segments_incomplete");
        Reject.Unless(c.Segments.All(s => s.TimeToPeakMs is null || s.TimeToPeakMs.Value.Value <= 2000), "values.out_of_range", "time to peak beyond 2000 ms is not an activation time");
        Reject.Unless(IsSha256(c.CurvesSha256), "activation.hash_invalid", "the strain curves need their SHA-256");
        return new MechanicalActivationMapped(c.By, c.OccurredAt, c.Method, c.Segments, c.CurvesSha256, c.Algorithm);
    }

    private static PhrenicNerveTraced Trace(TracePhrenicNerve c, ProcedureState state)
    {
        RequireStudy(state, c.StudyId);
        Reject.Unless(c.PathLpsMm.Count >= 2, "phrenic.path_too_short", "a phrenic nerve trace needs at least 2 points");
        return new PhrenicNerveTraced(c.By, c.OccurredAt, c.StudyId, c.PathLpsMm);
    }

    private static CoronarySinusOstiumMarked Mark(MarkCoronarySinusOstium c, ProcedureState state)
    {
        RequireStudy(state, c.StudyId);
        return new CoronarySinusOstiumMarked(c.By, c.OccurredAt, c.StudyId, c.PositionLpsMm);
    }

    private static EpicardialMeshBuilt BuildMesh(RecordEpicardialMesh c, ProcedureState state)
    {
        Reject.NotNull(state.Myocardium, "mesh.requires_myocardium", "segment the myocardium before building the epicardial mesh");
        Reject.Unless(c.VertexCount >= 3 && c.TriangleCount >= 1 && IsSha256(c.MeshSha256), "mesh.invalid", "a mesh needs vertices, triangles and its SHA-256");
        return new EpicardialMeshBuilt(c.By, c.OccurredAt, c.MeshSha256, c.VertexCount, c.TriangleCount, c.Algorithm);
    }

    private static void RequireStudy(ProcedureState state, Guid studyId) =>
        Reject.Unless(state.Studies.Any(s => s.StudyId == studyId), "study.unknown", $"study {studyId} has not been imported");

    /// <summary>Exactly the 36 ring segments once each; the cap may be included once.</summary>
    private static void RequireAll36(IEnumerable<SegmentId> segments, string rule)
    {
        var list = segments.ToList();
        Reject.Unless(list.All(s => s.Model == SegmentModelKind.ThirtySix), rule, "values must be given per 36-segment");
        var missing = Enumerable.Range(1, 36).Where(n => list.All(s => s.Number != n)).ToList();
        Reject.Unless(missing.Count == 0, rule, $"every 36-segment needs a value; missing: {string.Join(", ", missing)}");
        Reject.Unless(list.Distinct().Count() == list.Count, rule, "a segment is given more than once");
    }

    internal static bool IsSha256(string? hex) => hex is not null && Sha256Pattern().IsMatch(hex);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
