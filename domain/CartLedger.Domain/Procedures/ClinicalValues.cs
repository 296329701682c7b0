using CartLedger.Domain.Quantities;

namespace CartLedger.Domain.Procedures;

/// <summary>NYHA functional class at enrolment.</summary>
public enum NyhaClass { I = 1, II = 2, III = 3, IV = 4 }

/// <summary>The CRT indication at enrolment (seed 1 Table 1, seed 2 Table 1).</summary>
/// <param name="QrsDurationMs">Intrinsic QRS duration, ms.</param>
/// <param name="LeftBundleBranchBlock">LBBB by the ESC (seed 2) or Strauss (seed 1) criteria.</param>
/// <param name="IschemicCardiomyopathy">ICM by history or LGE scar of at least 5 % of LV volume (seed 2).</param>
/// <param name="LvefPercent">LV ejection fraction, %.</param>
/// <param name="Nyha">NYHA class.</param>
public sealed record Indication(Milliseconds QrsDurationMs, bool LeftBundleBranchBlock, bool IschemicCardiomyopathy, Percent LvefPercent, NyhaClass Nyha);

/// <summary>Which assessment an echo / laboratory record belongs to.</summary>
public enum AssessmentVisit
{
    Baseline,

    /// <summary>About 2 months after implant (seed 2 measured NT-proBNP then).</summary>
    TwoMonths,

    /// <summary>About 6 months after implant: the volumetric response visit.</summary>
    SixMonths,
}

/// <summary>Echocardiographic volumes (Simpson biplane) and NT-proBNP of one assessment.</summary>
public sealed record EchoMeasurements(Millilitres LvesvMl, Millilitres LvedvMl, Percent LvefPercent, PicogramsPerMillilitre? NtProBnpPgMl);

/// <summary>Implant characteristics (seed 1 Table 2; seed 2 "Results").</summary>
public sealed record ProcedureMetrics(Minutes TotalDurationMin, Minutes LvLeadDurationMin, Minutes FluoroscopyTimeMin, CentigrayCm2 DoseAreaProductCGyCm2, Millilitres ContrastVolumeMl);

/// <summary>Electrical properties at one LV electrode (seed 1 Table 2).</summary>
/// <param name="Electrode">The electrode, e.g. "LV1 (distal)" of a quadripolar lead.</param>
/// <param name="PacingThresholdV">LV capture threshold, V.</param>
/// <param name="PhrenicStimulationThresholdV">Phrenic nerve stimulation threshold, V; null when none at maximum output.</param>
/// <param name="QlvMs">Q on the surface ECG to local LV sensing, ms.</param>
/// <param name="PacedQrsMs">Paced QRS duration, ms.</param>
public sealed record ElectricalMeasurement(string Electrode, Volts PacingThresholdV, Volts? PhrenicStimulationThresholdV, Milliseconds QlvMs, Milliseconds PacedQrsMs);

/// <summary>How image guidance changed the procedure's duration, in the implanter's view (seed 2).</summary>
public enum DurationEffect { Shortened, Unchanged, Prolonged }

/// <summary>Seed 2's brief questionnaire to the implanting physician.</summary>
public sealed record GuidanceFeedback(bool ChangedTarget, bool ChangedVein, DurationEffect Duration, bool Helpful, bool FusionShownOnTime, string? Comment);

/// <summary>Imaging modality of an imported study.</summary>
public enum Modality { Cmr, Ct }

/// <summary>
/// Which planning model a registration brings onto the fluoroscopy. Each lives in its own study's frame of reference and
/// is registered on its own (seed 1 fused CT and CMR separately): Cmr = the LV surface, scar and targets (the CMR study's
/// frame); Ct = the structures traced on a CT study (phrenic nerve, CS ostium) and the CT volume itself (the CT's frame).
/// Events stored before model sets existed were all CMR.
/// </summary>
public enum ModelSet { Cmr, Ct }

/// <summary>What a series is used for.</summary>
public enum SeriesKind { Cine, Lge, CtAngiography, Other }

/// <summary>Scar segmentation method (SCIENCE.md 3).</summary>
public enum ScarMethod { FullWidthHalfMaximum, StandardDeviations, Manual }

/// <summary>How activation was measured (SCIENCE.md 4).</summary>
public enum ActivationMethod
{
    /// <summary>Time to peak endocardial circumferential strain (seed 1).</summary>
    CircumferentialStrainTimeToPeak,

    /// <summary>Latest high radial strain amplitude (seed 2's 4D-MAP).</summary>
    RadialStrainAmplitude,
}

/// <summary>Treatment file content (seed 1: scar + targets, and LPN + CSO).</summary>
public enum TreatmentFileKind { ScarAndTargets, PhrenicNerveAndSinusOstium }

/// <summary>Registration method (SCIENCE.md 8).</summary>
public enum RegistrationMethod { TwoViewLandmarks, GradientCorrelation, GradientInformation, GradientOrientation, LearnedAgent, Manual }

/// <summary>What a deviation is about.</summary>
public enum DeviationKind
{
    /// <summary>The lead was not placed at the primary target (seed 2's documented explanations).</summary>
    TargetNotReached,

    /// <summary>A workflow step was skipped (e.g. no accepted registration before measuring the lead; AT-17).</summary>
    ProtocolStepSkipped,
}

/// <summary>Seed 2's reasons for deviating from the advised target (SCIENCE.md 7).</summary>
public enum DeviationReason { NoVenousAccess, HighPacingThreshold, PhrenicNerveStimulation, UnstablePosition, Other }

/// <summary>How the procedure ended.</summary>
public enum CompletionOutcome
{
    /// <summary>Transvenous CRT with an LV lead in a coronary vein.</summary>
    TransvenousLead,

    /// <summary>No suitable venous anatomy: epicardial lead (seed 2 excluded such a patient from analysis).</summary>
    EpicardialLeadReferral,

    /// <summary>Procedure abandoned.</summary>
    Abandoned,
}

/// <summary>The meaning of an electronic signature (21 CFR 11.50(a)(3)).</summary>
public enum SignatureMeaning { Authored, Reviewed, Approved }
