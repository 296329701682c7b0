using System.CommandLine;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>`cartledger cmr ...`: the CMR planning chain without a ledger (segment, scar, analyze).</summary>
public static class CmrCommand
{
    public static Command Create(Terminal terminal)
    {
        var cmr = new Command("cmr", "CMR planning chain without a ledger: LV segmentation, FWHM scar, the whole analysis with treatment files.")
            .WithExamples("./cartledger cmr analyze /tmp/p7/dicom --out /tmp/p7-cmr", "./cartledger cmr segment /tmp/p7/dicom/cine --out /tmp/p7-labels");
        cmr.Subcommands.Add(CmrSegmentCommand.Create(terminal));
        cmr.Subcommands.Add(CmrScarCommand.Create(terminal));
        cmr.Subcommands.Add(CmrAnalyzeCommand.Create(terminal));
        return cmr;
    }
}
