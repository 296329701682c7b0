using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;

namespace CartLedger.Domain.Procedures;

// The cath lab: fluoroscopy, registration, lead position and electrical properties, deviations, metrics, completion.
public static partial class ProcedureDecider
{
    /// <summary>Seed 2 and SCIENCE.md 8: landmark fusion needs two views at least 60 deg apart.</summary>
    public const double MinimumTwoViewSeparationDeg = 60;

    private static FluoroscopyAcquired Acquire(AcquireFluoroscopy c, ProcedureState state)
    {
        Reject.Unless(c.AcquisitionId != Guid.Empty && state.Acquisitions.All(a => a.AcquisitionId != c.AcquisitionId), "fluoroscopy.duplicate", $"acquisition {c.AcquisitionId} is empty or already recorded");
        Reject.Unless(c.Views.Count > 0, "fluoroscopy.no_views", "an acquisition needs at least one view");
        foreach (var v in c.Views)
        {
            Reject.Unless(v.PrimaryAngleDeg is >= -180 and <= 180 && v.SecondaryAngleDeg is >= -90 and <= 90 && v.FrameCount > 0 && IsSha256(v.Sha256),
                "fluoroscopy.view_invalid", $"view '{v.Label}': angles must be LAO/RAO -180..180 and cranial/caudal -90..90 deg, with frames and a SHA-256");
        }
        return new FluoroscopyAcquired(c.By, c.OccurredAt, c.AcquisitionId, c.Views);
    }

    private static RegistrationProposed ProposeRegistration(ProposeRegistration c, ProcedureState state)
    {
        var acquisition = Reject.NotNull(state.Acquisitions.FirstOrDefault(a => a.AcquisitionId == c.AcquisitionId),
            "registration.unknown_fluoroscopy", $"no fluoroscopy {c.AcquisitionId} has been acquired");
        RequireModelSet(state, c.ModelSet);
        Reject.Unless(state.Registrations.All(r => r.RegistrationId != c.RegistrationId), "registration.duplicate", $"registration {c.RegistrationId} already exists");
        if (c.Method == RegistrationMethod.TwoViewLandmarks)
        {
            var separation = acquisition.Views.Count < 2 ? 0 : MaxSeparationDeg(acquisition.Views);
            Reject.Unless(separation >= MinimumTwoViewSeparationDeg, "registration.views_too_close",
                $"two-view landmark fusion needs two views at least {MinimumTwoViewSeparationDeg} deg apart; this acquisition's are {separation:0.#} deg apart");
        }
        return new RegistrationProposed(c.By, c.OccurredAt, c.RegistrationId, c.AcquisitionId, c.Method, c.Pose, c.Score, c.EstimatedTreMm, c.Algorithm, c.ModelSet);
    }

    /// <summary>A registration needs its model: the CMR set the epicardial mesh, the CT set a CT study or structures traced on one.</summary>
    internal static void RequireModelSet(ProcedureState state, ModelSet set)
    {
        if (set == ModelSet.Ct)
        {
            Reject.Unless(state.HasCtModel, "registration.requires_ct_model", "there is no CT model to register: import a CT study or trace the phrenic nerve or CS ostium on one");
        }
        else
        {
            Reject.NotNull(state.Mesh, "registration.requires_mesh", "there is no epicardial model to register yet");
        }
    }

    private static RegistrationAccepted Accept(AcceptRegistration c, ProcedureState state)
    {
        RequirePending(state, c.RegistrationId);
        return new RegistrationAccepted(c.By, c.OccurredAt, c.RegistrationId, c.AdjustedPose);
    }

    private static RegistrationRejected RejectRegistration(RejectRegistration c, ProcedureState state)
    {
        RequirePending(state, c.RegistrationId);
        Reject.Blank(c.Reason, "registration.reason_required", "say why the registration is rejected");
        return new RegistrationRejected(c.By, c.OccurredAt, c.RegistrationId, c.Reason);
    }

    private static void RequirePending(ProcedureState state, Guid registrationId)
    {
        var entry = Reject.NotNull(state.Registrations.FirstOrDefault(r => r.RegistrationId == registrationId),
            "registration.no_proposal", $"no registration {registrationId} has been proposed for any fluoroscopy of this procedure");
        Reject.Unless(entry.Status == RegistrationStatus.Proposed, "registration.already_decided", $"registration {registrationId} is already {entry.Status.ToString().ToLowerInvariant()}");
    }

    private static LeadPositionMeasured MeasurePosition(MeasureLeadPosition c, ProcedureState state)
    {
        var skipped = state.HasDeviation(DeviationKind.ProtocolStepSkipped);
        if (c.RegistrationId is { } id)
        {
            Reject.Unless(state.Registrations.Any(r => r.RegistrationId == id && r.Status == RegistrationStatus.Accepted), "lead.requires_accepted_registration",
                $"registration {id} is not accepted: measure the lead only on an accepted registration");
        }
        else
        {
            Reject.Unless(skipped, "lead.requires_accepted_registration", "measure the lead on an accepted registration, or record a protocol deviation first (AT-17)");
        }
        Reject.Unless(state.Target is not null || skipped, "lead.requires_target", "no target has been chosen: choose one, or record a protocol deviation first (AT-17)");
        Reject.Unless(c.Segment36.Model == SegmentModelKind.ThirtySix, "lead.segment_model", "the lead's segment is given in the 36-segment model");
        Reject.Blank(c.Electrode, "lead.electrode_required", "name the electrode (e.g. LV1 distal)");
        foreach (var (distance, name) in new[] { (c.DistanceToTargetMm, "distance to target"), (c.DistanceToScarMm, "distance to scar"), (c.DistanceToPhrenicNerveMm, "distance to phrenic nerve") })
        {
            if (distance is { } d)
            {
                PhysiologicalRanges.Check(d.Value, PhysiologicalRanges.LeadDistanceMm, name, "mm");
            }
        }
        if (c.PhrenicNerveRegistrationId is { } nerveRegistration)
        {
            Reject.Unless(state.Registrations.Any(r => r.RegistrationId == nerveRegistration && r.Status == RegistrationStatus.Accepted), "lead.requires_accepted_registration",
                $"registration {nerveRegistration}, named for the phrenic nerve distance, is not accepted");
        }
        var categories = state.Target is { } target ? LeadClassifier.ClassifyInAllModels(c.Segment36, target.PrimaryTarget) : null;
        return new LeadPositionMeasured(c.By, c.OccurredAt, c.RegistrationId, c.Electrode, c.ElectrodeLpsMm, c.Segment36,
            SegmentHierarchy.ToEighteen(c.Segment36), SegmentHierarchy.ToAha17(c.Segment36), categories, c.DistanceToTargetMm, c.DistanceToScarMm, c.DistanceToPhrenicNerveMm,
            c.PhrenicNerveRegistrationId);
    }

    private static LeadElectricalMeasured MeasureElectrical(MeasureLeadElectrical c, ProcedureState state) =>
        new(c.By, c.OccurredAt, c.Measurement, CheckElectrical(c.Measurement, state.Opened!.Indication));

    /// <summary>Validates an electrical measurement and returns QLV/QRS (%) against the intrinsic QRS of the indication.</summary>
    internal static Percent CheckElectrical(ElectricalMeasurement m, Indication indication)
    {
        Reject.Blank(m.Electrode, "lead.electrode_required", "name the electrode (e.g. LV1 distal)");
        PhysiologicalRanges.Check(m.PacingThresholdV.Value, PhysiologicalRanges.PacingThresholdV, "pacing threshold", "V");
        if (m.PhrenicStimulationThresholdV is { } phrenic)
        {
            PhysiologicalRanges.Check(phrenic.Value, PhysiologicalRanges.PacingThresholdV, "phrenic stimulation threshold", "V");
        }
        PhysiologicalRanges.Check(m.QlvMs.Value, PhysiologicalRanges.QlvMs, "QLV", "ms");
        PhysiologicalRanges.Check(m.PacedQrsMs.Value, PhysiologicalRanges.QrsMs, "paced QRS", "ms");
        var qrs = indication.QrsDurationMs.Value;
        Reject.Unless(m.QlvMs.Value <= qrs, "values.inconsistent", $"QLV ({m.QlvMs}) cannot exceed the intrinsic QRS duration ({indication.QrsDurationMs}): local LV sensing happens within the QRS");
        return new Percent(Math.Round(100 * m.QlvMs.Value / qrs, 1));
    }

    private static DeviationRecorded Deviate(RecordDeviation c)
    {
        CheckDeviation(c.Reasons, c.Note);
        return new DeviationRecorded(c.By, c.OccurredAt, c.Kind, c.Reasons, c.Note);
    }

    internal static void CheckDeviation(IReadOnlyCollection<DeviationReason> reasons, string? note)
    {
        Reject.Unless(reasons.Count > 0 && reasons.Distinct().Count() == reasons.Count, "deviation.reasons_required", "give at least one reason, each once");
        Reject.Unless(!reasons.Contains(DeviationReason.Other) || !string.IsNullOrWhiteSpace(note), "deviation.note_required", "reason 'other' needs a note saying what happened");
    }

    private static ProcedureMetricsRecorded RecordMetrics(RecordProcedureMetrics c)
    {
        CheckMetrics(c.Metrics);
        return new ProcedureMetricsRecorded(c.By, c.OccurredAt, c.Metrics);
    }

    internal static void CheckMetrics(ProcedureMetrics m)
    {
        PhysiologicalRanges.Check(m.TotalDurationMin.Value, PhysiologicalRanges.ProcedureMinutes, "total duration", "min");
        Reject.Unless(m.LvLeadDurationMin.Value <= m.TotalDurationMin.Value && m.FluoroscopyTimeMin.Value <= m.TotalDurationMin.Value,
            "values.inconsistent", $"LV lead duration ({m.LvLeadDurationMin}) and fluoroscopy time ({m.FluoroscopyTimeMin}) cannot exceed the total duration ({m.TotalDurationMin})");
        PhysiologicalRanges.Check(m.DoseAreaProductCGyCm2.Value, PhysiologicalRanges.DoseAreaProductCGyCm2, "dose-area product", "cGy*cm2");
        PhysiologicalRanges.Check(m.ContrastVolumeMl.Value, PhysiologicalRanges.ContrastMl, "contrast volume", "ml");
    }

    private static ProcedureCompleted Complete(CompleteProcedure c, ProcedureState state)
    {
        if (c.Outcome == CompletionOutcome.TransvenousLead)
        {
            var lead = Reject.NotNull(state.LeadPosition, "completion.requires_lead_position", "measure the final lead position before completing a transvenous implant");
            var category = lead.Categories?.In36;
            Reject.Unless(category == LeadCategory.Within || state.HasDeviation(DeviationKind.TargetNotReached) || state.HasDeviation(DeviationKind.ProtocolStepSkipped),
                "completion.requires_deviation_reason",
                $"the lead is {(category?.ToString().ToLowerInvariant() ?? "unclassified")} relative to the primary target: record why (deviation reasons) before completing");
        }
        else
        {
            Reject.Blank(c.Note, "completion.note_required", $"a procedure ending as {c.Outcome} needs a note");
        }
        return new ProcedureCompleted(c.By, c.OccurredAt, c.Outcome, c.Note);
    }

    /// <summary>Largest angle between the central rays of any two views (LAO/RAO alpha, cranial/caudal beta; SCIENCE.md 8).</summary>
    internal static double MaxSeparationDeg(IReadOnlyList<FluoroscopyView> views)
    {
        static (double X, double Y, double Z) Ray(FluoroscopyView v)
        {
            var a = v.PrimaryAngleDeg * Math.PI / 180;
            var b = v.SecondaryAngleDeg * Math.PI / 180;
            return (Math.Sin(a) * Math.Cos(b), -Math.Cos(a) * Math.Cos(b), Math.Sin(b));
        }
        var best = 0.0;
        for (var i = 0; i < views.Count; i++)
        {
            for (var j = i + 1; j < views.Count; j++)
            {
                var (p, q) = (Ray(views[i]), Ray(views[j]));
                var cos = Math.Clamp(p.X * q.X + p.Y * q.Y + p.Z * q.Z, -1, 1);
                best = Math.Max(best, Math.Acos(cos) * 180 / Math.PI);
            }
        }
        return best;
    }
}
