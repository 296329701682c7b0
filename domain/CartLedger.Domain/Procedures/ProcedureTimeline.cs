using System.Globalization;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

/// <summary>
/// One readable line per event, for timelines on screens and in printouts. Values whose AlgorithmInfo says they were
/// entered by hand are marked "[entered, not computed]" so a timeline never passes them off as results.
/// </summary>
public static class ProcedureTimeline
{
    public const string EnteredAlgorithmName = "demo.entered-values";

    public static string Describe(ProcedureEvent e) => e switch
    {
        ProcedureOpened x => $"opened {x.PatientPseudonym} at {x.CenterId}: QRS {x.Indication.QrsDurationMs}, {(x.Indication.LeftBundleBranchBlock ? "LBBB" : "non-LBBB")}, {(x.Indication.IschemicCardiomyopathy ? "ICM" : "non-ICM")}, LVEF {x.Indication.LvefPercent}, NYHA {x.Indication.Nyha}",
        StudyImported x => $"{x.Modality} study imported: {x.Series.Count} series, {x.Series.Sum(s => s.BlobSha256.Count)} files",
        MyocardiumSegmented x => $"myocardium segmented: LVEDV {x.EndDiastolicVolumeMl}, LVESV {x.EndSystolicVolumeMl}{Entered(x.Algorithm)}",
        ContoursAdjusted x => $"contours adjusted on {x.AdjustedSliceCount} slices: {x.Note}",
        ScarSegmented x => $"scar segmented ({x.Method}, threshold {x.ThresholdFraction:0.##}): burden {x.ScarBurdenPercent}, {Scarred(x.Transmurality)}{Entered(x.Algorithm)}",
        ScarEdited x => $"scar edited ({x.ErasedPixelCount} px erased, {x.AddedPixelCount} added): burden {x.ScarBurdenPercent}; {x.Note}",
        MechanicalActivationMapped x => $"activation mapped ({x.Method}): latest {Latest(x)}{Entered(x.Algorithm)}",
        PhrenicNerveTraced x => $"phrenic nerve traced: {x.PathLpsMm.Count} points",
        CoronarySinusOstiumMarked x => $"coronary sinus ostium marked at ({x.PositionLpsMm.X:0.#}, {x.PositionLpsMm.Y:0.#}, {x.PositionLpsMm.Z:0.#}) mm",
        EpicardialMeshBuilt x => $"epicardial mesh built: {x.VertexCount} vertices, {x.TriangleCount} triangles{Entered(x.Algorithm)}",
        TargetsProposed x => $"targets proposed ({x.RuleName} {x.RuleVersion}): {string.Join(", ", x.Sites.Select(s => $"{Label(s.Segment)} {s.TimeToPeakMs:0} ms"))}; {x.Exclusions.Count} excluded",
        TargetChosen x => $"target chosen: {Label(x.PrimaryTarget)}, area {string.Join(", ", x.TargetArea)}{(x.FollowsProposal ? " (as proposed)" : $" (override: {x.OverrideReason})")}",
        TreatmentFilesExported x => $"treatment files exported: {string.Join(", ", x.Files.Select(f => f.Kind))}{ScarShown(x.Scar)}",
        FluoroscopyAcquired x => $"fluoroscopy acquired: {string.Join(" + ", x.Views.Select(v => v.Label))}",
        RegistrationProposed x => $"registration proposed ({x.Method}{(x.ModelSet == ModelSet.Ct ? ", CT model" : "")}): score {x.Score:0.###}, estimated TRE {x.EstimatedTreMm?.ToString() ?? "n/a"}{Entered(x.Algorithm)}",
        RegistrationAccepted x => $"registration accepted{(x.AdjustedPose is null ? "" : " with an adjusted pose")}",
        RegistrationRejected x => $"registration rejected: {x.Reason}",
        LeadPositionMeasured x => $"lead {x.Electrode} in {Label(x.Segment36)}: {Categories(x)}, {x.DistanceToTargetMm?.ToString() ?? "n/a"} to target",
        LeadElectricalMeasured x => $"{x.Measurement.Electrode}: threshold {x.Measurement.PacingThresholdV}, phrenic {x.Measurement.PhrenicStimulationThresholdV?.ToString() ?? "none"}, QLV {x.Measurement.QlvMs} ({x.QlvToQrsPercent} of QRS), paced QRS {x.Measurement.PacedQrsMs}",
        DeviationRecorded x => $"deviation ({x.Kind}): {string.Join(", ", x.Reasons)}{(x.Note is null ? "" : $"; {x.Note}")}",
        ProcedureMetricsRecorded x => $"metrics: total {x.Metrics.TotalDurationMin}, LV lead {x.Metrics.LvLeadDurationMin}, fluoroscopy {x.Metrics.FluoroscopyTimeMin}, DAP {x.Metrics.DoseAreaProductCGyCm2}, contrast {x.Metrics.ContrastVolumeMl}",
        GuidanceFeedbackRecorded x => $"guidance feedback: target changed {YesNo(x.Feedback.ChangedTarget)}, vein changed {YesNo(x.Feedback.ChangedVein)}, duration {x.Feedback.Duration}, helpful {YesNo(x.Feedback.Helpful)}",
        ProcedureCompleted x => $"procedure completed: {x.Outcome}",
        FollowUpRecorded x => $"{x.Visit} assessment: LVESV {x.Echo.LvesvMl}, LVEDV {x.Echo.LvedvMl}, LVEF {x.Echo.LvefPercent}, NT-proBNP {x.Echo.NtProBnpPgMl?.ToString() ?? "n/a"}",
        RecordSigned x => $"signed entry {x.SignedVersion} ({x.SignedEventType}) as {x.Meaning.ToString().ToLowerInvariant()} by {x.By.PrintedName}, sha256 {x.SignedContentSha256[..12]}...",
        CorrectionRecorded x => $"correction of entry {x.CorrectedVersion} ({x.CorrectedEventType}): {Describe(x.Replacement)}; reason: {x.Reason}",
        FluoroscopyLandmarksMarked x => $"landmarks marked: {string.Join(", ", x.Landmarks.Select(l => $"{l.Name} in {l.Picks.Count} views"))}",
        ElectrodeMarked x => $"electrode {x.Electrode} marked in {x.Picks.Count} views",
        FluoroscopyOverlaysRendered x => $"overlays rendered on {string.Join(" + ", x.Views.Select(v => v.Label))} (PNG and Secondary Capture each)",
        ComputationFailed x => $"{x.Computation} failed ({x.Code}): {x.Reason}",
        _ => e.GetType().Name,
    };

    private static string Label(SegmentId segment) => SegmentModels.Describe(segment).Label;

    private static string Entered(AlgorithmInfo algorithm) => algorithm.Name == EnteredAlgorithmName ? " [entered, not computed]" : "";

    private static string ScarShown(ExportedScar? scar) => scar switch
    {
        null => "",
        { Edit: null } => $"; automatic scar (threshold {scar.ThresholdFraction:0.##}, burden {scar.ScarBurdenPercent})",
        { Edit: { } e } => $"; scar as edited at {e.EditedAt:yyyy-MM-dd HH:mm} (threshold {e.ThresholdFraction:0.##}, {e.ErasedPixelCount} px erased, {e.AddedPixelCount} added{(e.PixelEditsSha256 is null ? ", threshold only" : "")}), burden {scar.ScarBurdenPercent}",
    };

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Scarred(ValueList<SegmentScar> transmurality)
    {
        var scarred = transmurality.Where(t => t.TransmuralityPercent.Value > 0).Select(t => t.Segment.ToString()).ToList();
        return scarred.Count == 0 ? "no scarred segment" : $"scar in {string.Join(", ", scarred)}";
    }

    private static string Latest(MechanicalActivationMapped x) =>
        x.Segments.Where(s => s.TimeToPeakMs is not null).MaxBy(s => s.TimeToPeakMs!.Value.Value) is { } latest
            ? $"{Label(latest.Segment)} at {latest.TimeToPeakMs}"
            : "none measured";

    private static string Categories(LeadPositionMeasured x) => x.Categories is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{c.In36} (36) / {c.In18} (18) / {c.InAha17} (AHA 17)").ToLowerInvariant()
        : "not classified (no target)";
}
