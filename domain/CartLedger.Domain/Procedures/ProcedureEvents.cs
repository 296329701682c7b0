using System.Text.Json.Serialization;
using CartLedger.Domain.Access;
using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

// Every fact of one CRT procedure, from enrolment to the 6-month follow-up. Stored names and schema versions are in
// EventCatalog (never derived from class names). Each event carries who caused it and when it happened clinically
// (OccurredAt, stated by the user); when it was recorded is the ledger's database clock, kept in the ledger's metadata.

/// <summary>Base of every procedure event: who (<paramref name="By"/>) and when it happened clinically.</summary>
public abstract record ProcedureEvent([property: JsonPropertyOrder(-2)] Actor By, [property: JsonPropertyOrder(-1)] DateTimeOffset OccurredAt);

/// <summary>A patient was enrolled for CRT at a center (pseudonymous id only; no identifiers in the record).</summary>
public sealed record ProcedureOpened(Actor By, DateTimeOffset OccurredAt, Guid ProcedureId, string PatientPseudonym, string CenterId, Indication Indication) : ProcedureEvent(By, OccurredAt);

/// <summary>A DICOM study's files were stored as blobs (SHA-256) with their parsed geometry.</summary>
public sealed record StudyImported(Actor By, DateTimeOffset OccurredAt, Guid StudyId, Modality Modality, string StudyInstanceUid, ValueList<ImportedSeries> Series) : ProcedureEvent(By, OccurredAt);

/// <summary>One imported series.</summary>
public sealed record ImportedSeries(string SeriesInstanceUid, SeriesKind Kind, string Description, ValueList<string> BlobSha256, SeriesGeometry Geometry);

/// <summary>Geometry summary of a series (per-file positions stay in the blobs): LPS mm, orientation as 6 cosines.</summary>
public sealed record SeriesGeometry(int Rows, int Columns, int SliceCount, int PhaseCount, double RowSpacingMm, double ColumnSpacingMm, double SliceThicknessMm, ValueList<double> ImageOrientationPatient, Point3Mm FirstSlicePositionMm);

/// <summary>LV endo- and epicardial contours were segmented (automatic, SCIENCE.md 2).</summary>
public sealed record MyocardiumSegmented(Actor By, DateTimeOffset OccurredAt, Guid StudyId, string CineSeriesUid, string ContoursSha256, Millilitres EndDiastolicVolumeMl, Millilitres EndSystolicVolumeMl, Millilitres MyocardialVolumeMl, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>An analyst adjusted contours; the new contour set replaces the previous one.</summary>
public sealed record ContoursAdjusted(Actor By, DateTimeOffset OccurredAt, string ContoursSha256, int AdjustedSliceCount, string Note) : ProcedureEvent(By, OccurredAt);

/// <summary>Transmurality of scar in one 36-segment (or the cap), %.</summary>
public sealed record SegmentScar(SegmentId Segment, Percent TransmuralityPercent);

/// <summary>Scar was segmented on LGE (SCIENCE.md 3): method, threshold fraction, per-36-segment transmurality, burden.</summary>
public sealed record ScarSegmented(Actor By, DateTimeOffset OccurredAt, ScarMethod Method, double ThresholdFraction, ValueList<SegmentScar> Transmurality, Percent ScarBurdenPercent, string ScarMaskSha256, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>An analyst changed the threshold and/or erased or added pixels; the result replaces the previous scar.</summary>
public sealed record ScarEdited(Actor By, DateTimeOffset OccurredAt, double ThresholdFraction, int ErasedPixelCount, int AddedPixelCount, ValueList<SegmentScar> Transmurality, Percent ScarBurdenPercent, string ScarMaskSha256, string Note) : ProcedureEvent(By, OccurredAt);

/// <summary>Activation of one 36-segment: time to peak (ms) and peak strain amplitude (%), null when not measurable.</summary>
public sealed record SegmentActivation(SegmentId Segment, Milliseconds? TimeToPeakMs, double? PeakStrainAmplitudePercent);

/// <summary>Mechanical activation was mapped from cine feature tracking (SCIENCE.md 4).</summary>
public sealed record MechanicalActivationMapped(Actor By, DateTimeOffset OccurredAt, ActivationMethod Method, ValueList<SegmentActivation> Segments, string CurvesSha256, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>The left phrenic nerve's course was traced (CT, seed 1), as a polyline in LPS mm.</summary>
public sealed record PhrenicNerveTraced(Actor By, DateTimeOffset OccurredAt, Guid StudyId, ValueList<Point3Mm> PathLpsMm) : ProcedureEvent(By, OccurredAt);

/// <summary>The coronary sinus ostium was marked (CT, seed 1), LPS mm.</summary>
public sealed record CoronarySinusOstiumMarked(Actor By, DateTimeOffset OccurredAt, Guid StudyId, Point3Mm PositionLpsMm) : ProcedureEvent(By, OccurredAt);

/// <summary>The epicardial surface mesh with per-vertex segment ids and values was built.</summary>
public sealed record EpicardialMeshBuilt(Actor By, DateTimeOffset OccurredAt, string MeshSha256, int VertexCount, int TriangleCount, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>One excluded segment of a proposal with its reasons.</summary>
public sealed record ExcludedSegment(SegmentId Segment, ValueList<ExclusionReason> Reasons);

/// <summary>The target rule proposed sites (latest first; the first is the primary) from the current scar and activation.</summary>
public sealed record TargetsProposed(Actor By, DateTimeOffset OccurredAt, ValueList<ProposedSite> Sites, ValueList<ExcludedSegment> Exclusions, string Explanation, string RuleName, string RuleVersion, TargetRuleParameters Parameters) : ProcedureEvent(By, OccurredAt);

/// <summary>The cardiologist chose the primary target and the target area; a reason is kept when the choice departs from the proposal.</summary>
public sealed record TargetChosen(Actor By, DateTimeOffset OccurredAt, SegmentId PrimaryTarget, ValueList<SegmentId> TargetArea, bool FollowsProposal, string? OverrideReason) : ProcedureEvent(By, OccurredAt);

/// <summary>One exported DICOM treatment file.</summary>
public sealed record ExportedFile(TreatmentFileKind Kind, string SopInstanceUid, string Sha256);

/// <summary>One fluoroscopy view's overlay (the registered model drawn on the frame): the PNG and the RGB Secondary Capture, both stored as blobs.</summary>
public sealed record OverlayView(int ViewIndex, string Label, string PngSha256, string SecondaryCaptureSopInstanceUid, string SecondaryCaptureSha256);

/// <summary>The accepted registration's model (epicardium, scar, target area, phrenic nerve, CS ostium) was drawn on every view of an acquisition.</summary>
public sealed record FluoroscopyOverlaysRendered(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, Guid RegistrationId, ValueList<OverlayView> Views, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>An analyst's scar edit (scar_edited) that an export replayed: when it was made, its threshold and pixel counts, and the pixel edits file replayed (null: the edit changed the threshold only).</summary>
public sealed record IncludedScarEdit(DateTimeOffset EditedAt, double ThresholdFraction, int ErasedPixelCount, int AddedPixelCount, string? PixelEditsSha256);

/// <summary>The scar the treatment files show: its threshold fraction and burden, and the analyst's edit replayed on the automatic scar (null: the automatic scar).</summary>
public sealed record ExportedScar(double ThresholdFraction, Percent ScarBurdenPercent, IncludedScarEdit? Edit);

/// <summary>DICOM treatment files for the cath lab were written, showing <paramref name="Scar"/> (null: no LGE, or recorded before schema version 2).</summary>
public sealed record TreatmentFilesExported(Actor By, DateTimeOffset OccurredAt, ValueList<ExportedFile> Files, ExportedScar? Scar = null) : ProcedureEvent(By, OccurredAt);

/// <summary>One fluoroscopy view with its C-arm geometry (LAO +, cranial +; SCIENCE.md 8).</summary>
public sealed record FluoroscopyView(string Label, double PrimaryAngleDeg, double SecondaryAngleDeg, Millimetres SourceToDetectorMm, string SopInstanceUid, string Sha256, int FrameCount);

/// <summary>Fluoroscopy (one or more views) was acquired.</summary>
public sealed record FluoroscopyAcquired(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, ValueList<FluoroscopyView> Views) : ProcedureEvent(By, OccurredAt);

/// <summary>A registration of one model set (CMR or CT; v1 events were all CMR) to one acquisition was proposed.</summary>
public sealed record RegistrationProposed(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, Guid AcquisitionId, RegistrationMethod Method, RigidPose Pose, double Score, Millimetres? EstimatedTreMm, AlgorithmInfo Algorithm,
    ModelSet ModelSet = ModelSet.Cmr) : ProcedureEvent(By, OccurredAt);

/// <summary>The cardiologist accepted a proposed registration, possibly with an adjusted pose.</summary>
public sealed record RegistrationAccepted(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, RigidPose? AdjustedPose) : ProcedureEvent(By, OccurredAt);

/// <summary>A proposed registration was rejected, with a reason.</summary>
public sealed record RegistrationRejected(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, string Reason) : ProcedureEvent(By, OccurredAt);

/// <summary>A pixel picked in one view of an acquisition (index into its views), detector column and row.</summary>
public sealed record ViewPixel(int ViewIndex, double ColumnPx, double RowPx);

/// <summary>One anatomical landmark for two-view fusion: its point on the model (planning LPS mm) and where it was picked in the views.</summary>
public sealed record FluoroscopyLandmark(string Name, Point3Mm ModelLpsMm, ValueList<ViewPixel> Picks);

/// <summary>
/// Landmarks were picked in the views of an acquisition (seed 2's two-view fusion); a registration worker re-solves the
/// pose of <paramref name="ModelSet"/> from them (the landmarks' model points are in that set's frame; v1 events were all CMR).
/// </summary>
public sealed record FluoroscopyLandmarksMarked(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, ValueList<FluoroscopyLandmark> Landmarks,
    ModelSet ModelSet = ModelSet.Cmr) : ProcedureEvent(By, OccurredAt);

/// <summary>An LV lead electrode was marked in at least two views of an acquisition; a registration worker measures its position.</summary>
public sealed record ElectrodeMarked(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, string Electrode, ValueList<ViewPixel> Picks) : ProcedureEvent(By, OccurredAt);

/// <summary>
/// An automatic computation could not produce its result: what was attempted (e.g. "cmr-analysis"), a stable code
/// (e.g. "lv-not-found"), a reason a person can act on, and the algorithm and inputs it ran on. Nothing else changes:
/// the procedure continues by manual entry (e.g. importing contours).
/// </summary>
public sealed record ComputationFailed(Actor By, DateTimeOffset OccurredAt, string Computation, string Code, string Reason, Guid? StudyId, AlgorithmInfo Algorithm) : ProcedureEvent(By, OccurredAt);

/// <summary>
/// Where the LV electrode lies: 3D point, segment in each model (18 and AHA 17 via the fixed table), category
/// relative to the primary target in each model (null without a chosen target) and distances.
/// </summary>
public sealed record LeadPositionMeasured(Actor By, DateTimeOffset OccurredAt, Guid? RegistrationId, string Electrode, Point3Mm ElectrodeLpsMm, SegmentId Segment36, SegmentId Segment18, SegmentId Aha17, LeadCategories? Categories, Millimetres? DistanceToTargetMm, Millimetres? DistanceToScarMm, Millimetres? DistanceToPhrenicNerveMm,
    Guid? PhrenicNerveRegistrationId = null) : ProcedureEvent(By, OccurredAt);

/// <summary>Electrical properties at an electrode; QLV/QRS uses the intrinsic QRS of the indication.</summary>
public sealed record LeadElectricalMeasured(Actor By, DateTimeOffset OccurredAt, ElectricalMeasurement Measurement, Percent QlvToQrsPercent) : ProcedureEvent(By, OccurredAt);

/// <summary>A deviation from the target or the protocol, with seed 2's reasons.</summary>
public sealed record DeviationRecorded(Actor By, DateTimeOffset OccurredAt, DeviationKind Kind, ValueList<DeviationReason> Reasons, string? Note) : ProcedureEvent(By, OccurredAt);

/// <summary>Durations, fluoroscopy time, dose-area product and contrast of the implant.</summary>
public sealed record ProcedureMetricsRecorded(Actor By, DateTimeOffset OccurredAt, ProcedureMetrics Metrics) : ProcedureEvent(By, OccurredAt);

/// <summary>The implanter's answers to seed 2's questionnaire.</summary>
public sealed record GuidanceFeedbackRecorded(Actor By, DateTimeOffset OccurredAt, GuidanceFeedback Feedback) : ProcedureEvent(By, OccurredAt);

/// <summary>The implant procedure ended.</summary>
public sealed record ProcedureCompleted(Actor By, DateTimeOffset OccurredAt, CompletionOutcome Outcome, string? Note) : ProcedureEvent(By, OccurredAt);

/// <summary>An echo / laboratory assessment (baseline or follow-up); OccurredAt is the examination time. Schema v2 (v1 had no visit).</summary>
public sealed record FollowUpRecorded(Actor By, DateTimeOffset OccurredAt, AssessmentVisit Visit, EchoMeasurements Echo) : ProcedureEvent(By, OccurredAt);

/// <summary>
/// An electronic signature (21 CFR 11.50/11.70): the signer (By, with printed name), the time of signing
/// (OccurredAt, the system clock), the meaning, and the stream version, stored type and SHA-256 of the signed event.
/// </summary>
public sealed record RecordSigned(Actor By, DateTimeOffset OccurredAt, long SignedVersion, string SignedEventType, string SignedContentSha256, SignatureMeaning Meaning) : ProcedureEvent(By, OccurredAt);

/// <summary>A later event that supersedes an entered value: the original stays in the stream; the reason is mandatory.</summary>
public sealed record CorrectionRecorded(Actor By, DateTimeOffset OccurredAt, long CorrectedVersion, string CorrectedEventType, string Reason, ProcedureEvent Replacement) : ProcedureEvent(By, OccurredAt);
