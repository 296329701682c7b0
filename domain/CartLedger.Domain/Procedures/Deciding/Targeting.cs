using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Procedures;

// Target proposal (the rule runs here, on the recorded scar and activation), the cardiologist's choice, export.
public static partial class ProcedureDecider
{
    private static TargetsProposed Propose(ProposeTargets c, ProcedureState state)
    {
        RequireScarAndActivation(state);
        var proposal = TargetProposer.Propose(MeasurementsOf(state), c.Parameters);
        return new TargetsProposed(c.By, c.OccurredAt, proposal.Sites.ToValueList(),
            proposal.Exclusions.Select(e => new ExcludedSegment(e.Segment, e.Reasons.ToValueList())).ToValueList(),
            proposal.Explanation, TargetProposer.RuleName, TargetProposer.RuleVersion, c.Parameters);
    }

    private static TargetChosen Choose(ChooseTarget c, ProcedureState state)
    {
        RequireScarAndActivation(state);
        var proposal = Reject.NotNull(state.Proposal, "targets.require_proposal", "no targets have been proposed yet: propose targets before choosing one");
        Reject.Unless(state.ProposalIsCurrent, "targets.proposal_outdated", "scar or activation changed after the last proposal: propose targets again before choosing");
        Reject.Unless(c.PrimaryTarget.Model == SegmentModelKind.ThirtySix && c.TargetArea.All(s => s.Model == SegmentModelKind.ThirtySix),
            "targets.model", "targets are chosen in the 36-segment model");
        Reject.Unless(c.TargetArea.Contains(c.PrimaryTarget) && c.TargetArea.Distinct().Count() == c.TargetArea.Count,
            "targets.area_invalid", "the target area must contain the primary target once and no segment twice");
        var primary = proposal.Sites.Count > 0 ? proposal.Sites[0].Segment : (SegmentId?)null;
        var follows = primary == c.PrimaryTarget;
        var needsReason = new List<string>();
        if (!follows)
        {
            needsReason.Add($"the primary target differs from the proposed {(primary is { } p ? SegmentModels.Describe(p).Label : "none")}");
        }
        foreach (var segment in c.TargetArea)
        {
            needsReason.AddRange(Hazards(segment, state, proposal.Parameters).Select(h => $"{SegmentModels.Describe(segment).Label} is {h}"));
        }
        Reject.Unless(needsReason.Count == 0 || !string.IsNullOrWhiteSpace(c.OverrideReason), "targets.override_reason_required",
            $"{string.Join("; ", needsReason)}: choosing it needs an explicit override reason");
        return new TargetChosen(c.By, c.OccurredAt, c.PrimaryTarget, c.TargetArea, follows, needsReason.Count == 0 ? null : c.OverrideReason);
    }

    private static TreatmentFilesExported Export(ExportTreatmentFiles c, ProcedureState state)
    {
        Reject.NotNull(state.Target, "export.requires_target", "choose a target before exporting treatment files");
        Reject.Unless(c.Files.Count > 0 && c.Files.All(f => IsSha256(f.Sha256) && !string.IsNullOrWhiteSpace(f.SopInstanceUid)),
            "export.files_invalid", "each exported file needs its SOP instance UID and SHA-256");
        if (c.Scar is { } scar)
        {
            Reject.Unless(scar.ThresholdFraction is > 0 and <= 1 && scar.ScarBurdenPercent.Value is >= 0 and <= 100, "export.scar_invalid",
                "the exported scar needs a threshold fraction in (0, 1] and a burden in [0, 100] %");
            Reject.Unless(scar.Edit is null || (scar.Edit.ErasedPixelCount >= 0 && scar.Edit.AddedPixelCount >= 0 && (scar.Edit.PixelEditsSha256 is null || IsSha256(scar.Edit.PixelEditsSha256))),
                "export.scar_invalid", "an included scar edit needs non-negative pixel counts and, when pixels were replayed, their file's SHA-256");
        }
        return new TreatmentFilesExported(c.By, c.OccurredAt, c.Files, c.Scar);
    }

    private static void RequireScarAndActivation(ProcedureState state) =>
        Reject.Unless(state.Scar is not null && state.Activation is not null, "targets.require_scar_and_activation",
            $"targets need both scar and mechanical activation; missing: {string.Join(" and ", new[] { state.Scar is null ? "scar" : null, state.Activation is null ? "activation" : null }.OfType<string>())}");

    /// <summary>Why a segment would be a hazardous target: scar (as the proposal's threshold defines it), septum, apical cap.</summary>
    private static IEnumerable<string> Hazards(SegmentId segment, ProcedureState state, TargetRuleParameters parameters)
    {
        var info = SegmentModels.Describe(segment);
        var transmurality = state.Scar!.Transmurality.FirstOrDefault(t => t.Segment == segment)?.TransmuralityPercent.Value ?? 0;
        if (transmurality > parameters.ScarTransmuralityThresholdPercent)
        {
            yield return $"in scar ({transmurality:0.#} % transmural)";
        }
        if (info.IsSeptal)
        {
            yield return "septal";
        }
        if (info.IsApicalCap)
        {
            yield return "the apical cap";
        }
    }

    private static List<SegmentMeasurement> MeasurementsOf(ProcedureState state) =>
        [.. state.Activation!.Segments.Select(a => new SegmentMeasurement(
            a.Segment,
            state.Scar!.Transmurality.FirstOrDefault(t => t.Segment == a.Segment)?.TransmuralityPercent.Value ?? 0,
            a.TimeToPeakMs?.Value,
            a.PeakStrainAmplitudePercent))];
}
