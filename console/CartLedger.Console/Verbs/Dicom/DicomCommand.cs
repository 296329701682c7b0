using System.CommandLine;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Verbs.Dicom;

/// <summary>`cartledger dicom ...`: DICOM utilities.</summary>
public static class DicomCommand
{
    public static Command Create(Terminal terminal)
    {
        var dicom = new Command("dicom", "DICOM utilities: inspect files, group folders into series.")
            .WithExamples("./cartledger dicom inspect ../shared/data/xray");
        dicom.Subcommands.Add(DicomInspectCommand.Create(terminal));
        dicom.Subcommands.Add(DicomSeriesCommand.Create(terminal));
        return dicom;
    }
}
