using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Procedures;

// Follow-up, signatures and corrections: the parts of the record that go on after the implant.
public static partial class ProcedureDecider
{
    /// <summary>Stored types whose entered values may be corrected (computed results are superseded by new computations instead).</summary>
    public static IReadOnlyList<string> CorrectableEventTypes { get; } =
        ["procedure_opened", "follow_up_recorded", "procedure_metrics_recorded", "lead_electrical_measured", "guidance_feedback_recorded", "deviation_recorded"];

    private static FollowUpRecorded FollowUp(RecordFollowUp c, ProcedureState state)
    {
        if (c.Visit != AssessmentVisit.Baseline)
        {
            Reject.Unless(state.IsCompleted, "follow_up.requires_completed_procedure", $"a {Describe(c.Visit)} follow-up needs a completed procedure");
        }
        Reject.Unless(state.Assessment(c.Visit) is null, "follow_up.visit_already_recorded", $"the {Describe(c.Visit)} assessment is already recorded: correct it instead");
        CheckEcho(c.Echo);
        return new FollowUpRecorded(c.By, c.OccurredAt, c.Visit, c.Echo);
    }

    internal static void CheckEcho(EchoMeasurements echo)
    {
        PhysiologicalRanges.Check(echo.LvesvMl.Value, PhysiologicalRanges.LvesvMl, "LVESV", "ml");
        PhysiologicalRanges.Check(echo.LvedvMl.Value, PhysiologicalRanges.LvedvMl, "LVEDV", "ml");
        Reject.Unless(echo.LvesvMl.Value < echo.LvedvMl.Value, "values.inconsistent", $"LVESV ({echo.LvesvMl}) must be smaller than LVEDV ({echo.LvedvMl})");
        PhysiologicalRanges.Check(echo.LvefPercent.Value, PhysiologicalRanges.LvefPercent, "LVEF", "%");
        if (echo.NtProBnpPgMl is { } bnp)
        {
            PhysiologicalRanges.Check(bnp.Value, PhysiologicalRanges.NtProBnpPgMl, "NT-proBNP", "pg/ml");
        }
    }

    private static RecordSigned Sign(SignRecord c, ProcedureState state, DateTimeOffset now)
    {
        var entry = Reject.NotNull(state.Entries.FirstOrDefault(e => e.Version == c.Version), "signature.no_such_entry", $"there is no entry {c.Version} to sign (the record has {state.Version})");
        var refusal = SigningPolicy.RefusalFor(entry.CorrectsEventType ?? entry.EventType, entry.AuthorUserId, c.By, c.Meaning);
        Reject.Unless(refusal is null, "signature.not_allowed", $"cannot sign entry {c.Version} ({entry.EventType}): {refusal}");
        Reject.Unless(!state.Signatures.Any(s => s.SignedVersion == c.Version && s.By.UserId == c.By.UserId && s.Meaning == c.Meaning),
            "signature.duplicate", $"entry {c.Version} already carries this signer's '{c.Meaning}' signature");
        // The time of signing is the system's (21 CFR 11.50), not a stated one.
        return new RecordSigned(c.By, now, c.Version, entry.EventType, entry.ContentSha256, c.Meaning);
    }

    private static CorrectionRecorded Correct(CorrectRecord c, ProcedureState state)
    {
        Reject.Blank(c.Reason, "correction.reason_required", "a correction needs a reason (Annex 11 section 9)");
        var entry = Reject.NotNull(state.Entries.FirstOrDefault(e => e.Version == c.Version), "correction.no_such_entry", $"there is no entry {c.Version} to correct");
        Reject.Unless(CorrectableEventTypes.Contains(entry.EventType), "correction.not_correctable",
            $"'{entry.EventType}' holds a computed result or a decision: record a new one instead of correcting it");
        var replacementType = Storage.EventCatalog.NameOf(c.Replacement);
        Reject.Unless(replacementType == entry.EventType, "correction.type_mismatch", $"entry {c.Version} is '{entry.EventType}'; the replacement is '{replacementType}'");
        var replacement = ValidateReplacement(c.Replacement with { By = c.By }, state);
        return new CorrectionRecorded(c.By, c.OccurredAt, c.Version, entry.EventType, c.Reason, replacement);
    }

    /// <summary>A replacement passes the same checks as the original entry would.</summary>
    private static ProcedureEvent ValidateReplacement(ProcedureEvent replacement, ProcedureState state)
    {
        switch (replacement)
        {
            case ProcedureOpened o:
                Reject.Unless(o.ProcedureId == state.Opened!.ProcedureId, "correction.identity_changed", "a correction cannot change the procedure id");
                CheckPseudonym(o.PatientPseudonym);
                CheckIndication(o.Indication);
                break;
            case FollowUpRecorded f:
                CheckEcho(f.Echo);
                break;
            case ProcedureMetricsRecorded m:
                CheckMetrics(m.Metrics);
                break;
            case LeadElectricalMeasured e:
                return e with { QlvToQrsPercent = CheckElectrical(e.Measurement, state.Opened!.Indication) };
            case DeviationRecorded d:
                CheckDeviation(d.Reasons, d.Note);
                break;
        }
        return replacement;
    }

    private static string Describe(AssessmentVisit visit) => visit switch
    {
        AssessmentVisit.TwoMonths => "2-month",
        AssessmentVisit.SixMonths => "6-month",
        _ => "baseline",
    };
}
