using System.Text.RegularExpressions;
using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Procedures;

public static partial class ProcedureDecider
{
    private static ProcedureOpened Open(OpenProcedure c, ProcedureState state)
    {
        Reject.Unless(!state.IsOpen, "procedure.already_opened", "the procedure is already open");
        Reject.Unless(c.ProcedureId != Guid.Empty, "procedure.id_required", "procedure id must not be empty");
        CheckPseudonym(c.PatientPseudonym);
        Reject.Blank(c.CenterId, "procedure.center_required", "center id is required");
        CheckIndication(c.Indication);
        return new ProcedureOpened(c.By, c.OccurredAt, c.ProcedureId, c.PatientPseudonym, c.CenterId, c.Indication);
    }

    private static void CheckPseudonym(string pseudonym) =>
        Reject.Unless(PseudonymPattern().IsMatch(pseudonym ?? ""), "procedure.pseudonym_invalid",
            "patient pseudonym must be 3-64 letters, digits, '.', '_' or '-' starting with a letter or digit (a study code, never a name)");

    internal static void CheckIndication(Indication indication)
    {
        PhysiologicalRanges.Check(indication.QrsDurationMs.Value, PhysiologicalRanges.QrsMs, "QRS duration", "ms");
        PhysiologicalRanges.Check(indication.LvefPercent.Value, PhysiologicalRanges.LvefPercent, "LVEF", "%");
        Reject.Unless(Enum.IsDefined(indication.Nyha), "values.out_of_range", $"NYHA class {(int)indication.Nyha} does not exist (I-IV)");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")]
    private static partial Regex PseudonymPattern();
}
