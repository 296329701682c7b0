using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>AT-16: the role x command table, every cell, against an independently written expectation.</summary>
public class AuthorityMatrixTests
{
    // O operator, C cardiologist, A analyst, W worker. Auditors and researchers: nowhere.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["OpenProcedure"] = "OC",
        ["ImportStudy"] = "OAW",
        ["RecordMyocardiumSegmentation"] = "AW",
        ["AdjustContours"] = "AC",
        ["RecordScarSegmentation"] = "AW",
        ["EditScar"] = "AC",
        ["RecordActivationMap"] = "AW",
        ["TracePhrenicNerve"] = "AC",
        ["MarkCoronarySinusOstium"] = "AC",
        ["RecordEpicardialMesh"] = "AW",
        ["ProposeTargets"] = "ACW",
        ["ChooseTarget"] = "C",
        ["ExportTreatmentFiles"] = "AW",
        ["AcquireFluoroscopy"] = "OCW",
        ["ProposeRegistration"] = "OCW",
        ["AcceptRegistration"] = "C",
        ["RejectRegistration"] = "OC",
        ["MeasureLeadPosition"] = "OCW",
        ["MeasureLeadElectrical"] = "OC",
        ["RecordDeviation"] = "OC",
        ["RecordProcedureMetrics"] = "OC",
        ["RecordGuidanceFeedback"] = "C",
        ["CompleteProcedure"] = "C",
        ["RecordFollowUp"] = "AC",
        ["SignRecord"] = "OCA",
        ["CorrectRecord"] = "OCA",
        ["MarkFluoroscopyLandmarks"] = "OC",
        ["MarkElectrode"] = "OC",
        ["RecordFluoroscopyOverlays"] = "OCW",
        ["RecordComputationFailure"] = "AW",
    };

    private static char Letter(Role role) => role switch
    {
        Role.Operator => 'O',
        Role.Cardiologist => 'C',
        Role.Analyst => 'A',
        Role.Worker => 'W',
        Role.Auditor => 'U',
        _ => 'R',
    };

    [Fact]
    public void Every_command_type_has_a_sample_and_an_expected_row()
    {
        var sampled = SampleCommands.All().Select(s => s.Command.GetType().Name).Order().ToList();
        Assert.Equal(SampleCommands.AllCommandTypes().Select(t => t.Name).ToList(), sampled);
        Assert.Equal(Expected.Keys.Order(), sampled);
    }

    [Fact]
    public void Each_role_may_issue_exactly_the_commands_of_its_row_and_auditors_and_researchers_none()
    {
        var cells = 0;
        foreach (var (command, state) in SampleCommands.All())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var actor = new Actor($"user-{role}", $"Test {role}", role);
                var attempt = command with { By = actor };
                var allowed = Expected[command.GetType().Name].Contains(Letter(role));
                Assert.Equal(allowed, CommandAuthority.Allows(attempt, role));
                var rule = RuleOf(attempt, state);
                if (allowed)
                {
                    Assert.False(rule is not null && rule.StartsWith("access.", StringComparison.Ordinal), $"{role} should be allowed to {command.GetType().Name}: {rule}");
                }
                else
                {
                    Assert.Equal(role is Role.Auditor or Role.Researcher ? "access.read_only_role" : "access.role_not_allowed", rule);
                }
                cells++;
            }
        }
        Assert.Equal(30 * 6, cells);
    }

    private static string? RuleOf(ProcedureCommand command, ProcedureState state)
    {
        try
        {
            ProcedureDecider.Decide(command, state, DemoHistory.Now);
            return null;
        }
        catch (ProcedureRejectedException e)
        {
            return e.Rule;
        }
    }
}
