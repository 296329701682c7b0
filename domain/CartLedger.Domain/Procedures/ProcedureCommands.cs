using CartLedger.Domain.Access;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

// What users and workers ask of a procedure. Every command carries the acting user and the clinically stated
// time; the decider checks who may issue it (CommandAuthority), the workflow's invariants and physiological ranges.

/// <summary>Base of every procedure command.</summary>
public abstract record ProcedureCommand(Actor By, DateTimeOffset OccurredAt);

public sealed record OpenProcedure(Actor By, DateTimeOffset OccurredAt, Guid ProcedureId, string PatientPseudonym, string CenterId, Indication Indication) : ProcedureCommand(By, OccurredAt);

public sealed record ImportStudy(Actor By, DateTimeOffset OccurredAt, Guid StudyId, Modality Modality, string StudyInstanceUid, ValueList<ImportedSeries> Series) : ProcedureCommand(By, OccurredAt);

public sealed record RecordMyocardiumSegmentation(Actor By, DateTimeOffset OccurredAt, Guid StudyId, string CineSeriesUid, string ContoursSha256, Millilitres EndDiastolicVolumeMl, Millilitres EndSystolicVolumeMl, Millilitres MyocardialVolumeMl, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

public sealed record AdjustContours(Actor By, DateTimeOffset OccurredAt, string ContoursSha256, int AdjustedSliceCount, string Note) : ProcedureCommand(By, OccurredAt);

public sealed record RecordScarSegmentation(Actor By, DateTimeOffset OccurredAt, ScarMethod Method, double ThresholdFraction, ValueList<SegmentScar> Transmurality, Percent ScarBurdenPercent, string ScarMaskSha256, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

public sealed record EditScar(Actor By, DateTimeOffset OccurredAt, double ThresholdFraction, int ErasedPixelCount, int AddedPixelCount, ValueList<SegmentScar> Transmurality, Percent ScarBurdenPercent, string ScarMaskSha256, string Note) : ProcedureCommand(By, OccurredAt);

public sealed record RecordActivationMap(Actor By, DateTimeOffset OccurredAt, ActivationMethod Method, ValueList<SegmentActivation> Segments, string CurvesSha256, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

public sealed record TracePhrenicNerve(Actor By, DateTimeOffset OccurredAt, Guid StudyId, ValueList<Point3Mm> PathLpsMm) : ProcedureCommand(By, OccurredAt);

public sealed record MarkCoronarySinusOstium(Actor By, DateTimeOffset OccurredAt, Guid StudyId, Point3Mm PositionLpsMm) : ProcedureCommand(By, OccurredAt);

public sealed record RecordEpicardialMesh(Actor By, DateTimeOffset OccurredAt, string MeshSha256, int VertexCount, int TriangleCount, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

/// <summary>Run the target rule on the current scar and activation (the decider computes the proposal).</summary>
public sealed record ProposeTargets(Actor By, DateTimeOffset OccurredAt, TargetRuleParameters Parameters) : ProcedureCommand(By, OccurredAt);

public sealed record ChooseTarget(Actor By, DateTimeOffset OccurredAt, SegmentId PrimaryTarget, ValueList<SegmentId> TargetArea, string? OverrideReason) : ProcedureCommand(By, OccurredAt);

public sealed record RecordFluoroscopyOverlays(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, Guid RegistrationId, ValueList<OverlayView> Views, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

public sealed record ExportTreatmentFiles(Actor By, DateTimeOffset OccurredAt, ValueList<ExportedFile> Files, ExportedScar? Scar = null) : ProcedureCommand(By, OccurredAt);

public sealed record AcquireFluoroscopy(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, ValueList<FluoroscopyView> Views) : ProcedureCommand(By, OccurredAt);

public sealed record ProposeRegistration(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, Guid AcquisitionId, RegistrationMethod Method, RigidPose Pose, double Score, Millimetres? EstimatedTreMm, AlgorithmInfo Algorithm,
    ModelSet ModelSet = ModelSet.Cmr) : ProcedureCommand(By, OccurredAt);

public sealed record AcceptRegistration(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, RigidPose? AdjustedPose) : ProcedureCommand(By, OccurredAt);

public sealed record RejectRegistration(Actor By, DateTimeOffset OccurredAt, Guid RegistrationId, string Reason) : ProcedureCommand(By, OccurredAt);

public sealed record MarkFluoroscopyLandmarks(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, ValueList<FluoroscopyLandmark> Landmarks,
    ModelSet ModelSet = ModelSet.Cmr) : ProcedureCommand(By, OccurredAt);

public sealed record MarkElectrode(Actor By, DateTimeOffset OccurredAt, Guid AcquisitionId, string Electrode, ValueList<ViewPixel> Picks) : ProcedureCommand(By, OccurredAt);

/// <summary>A worker (or an analyst) records that an automatic computation failed, with a stable code and a reason.</summary>
public sealed record RecordComputationFailure(Actor By, DateTimeOffset OccurredAt, string Computation, string Code, string Reason, Guid? StudyId, AlgorithmInfo Algorithm) : ProcedureCommand(By, OccurredAt);

/// <summary>The electrode's 3D point and 36-segment (from SegmentLookup) and distances from the registration work.</summary>
public sealed record MeasureLeadPosition(Actor By, DateTimeOffset OccurredAt, Guid? RegistrationId, string Electrode, Point3Mm ElectrodeLpsMm, SegmentId Segment36, Millimetres? DistanceToTargetMm, Millimetres? DistanceToScarMm, Millimetres? DistanceToPhrenicNerveMm,
    Guid? PhrenicNerveRegistrationId = null) : ProcedureCommand(By, OccurredAt);

public sealed record MeasureLeadElectrical(Actor By, DateTimeOffset OccurredAt, ElectricalMeasurement Measurement) : ProcedureCommand(By, OccurredAt);

public sealed record RecordDeviation(Actor By, DateTimeOffset OccurredAt, DeviationKind Kind, ValueList<DeviationReason> Reasons, string? Note) : ProcedureCommand(By, OccurredAt);

public sealed record RecordProcedureMetrics(Actor By, DateTimeOffset OccurredAt, ProcedureMetrics Metrics) : ProcedureCommand(By, OccurredAt);

public sealed record RecordGuidanceFeedback(Actor By, DateTimeOffset OccurredAt, GuidanceFeedback Feedback) : ProcedureCommand(By, OccurredAt);

public sealed record CompleteProcedure(Actor By, DateTimeOffset OccurredAt, CompletionOutcome Outcome, string? Note) : ProcedureCommand(By, OccurredAt);

public sealed record RecordFollowUp(Actor By, DateTimeOffset OccurredAt, AssessmentVisit Visit, EchoMeasurements Echo) : ProcedureCommand(By, OccurredAt);

/// <summary>Sign the event at <paramref name="Version"/> with a meaning; the signing time is the decider's now.</summary>
public sealed record SignRecord(Actor By, DateTimeOffset OccurredAt, long Version, SignatureMeaning Meaning) : ProcedureCommand(By, OccurredAt);

/// <summary>Supersede the entered value at <paramref name="Version"/> with <paramref name="Replacement"/> (same event type), for a reason.</summary>
public sealed record CorrectRecord(Actor By, DateTimeOffset OccurredAt, long Version, string Reason, ProcedureEvent Replacement) : ProcedureCommand(By, OccurredAt);
