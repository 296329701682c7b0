using System.CommandLine;
using CartLedger.Console.Verbs;
using CartLedger.Console.Verbs.Audit;
using CartLedger.Console.Verbs.Bench;
using CartLedger.Console.Verbs.Demo;
using CartLedger.Console.Verbs.Dicom;

namespace CartLedger.Console.Cli;

/// <summary>
/// Every verb of the `cartledger` command, one line each. A verb lives in its own file under Verbs/ and
/// exposes <c>Create(Terminal)</c>; its description ends with an example, which a test checks for every verb.
/// </summary>
public static class VerbCatalog
{
    public static RootCommand CreateRoot(Terminal terminal)
    {
        var root = new RootCommand("CartLedger: image-guided CRT planning, cath-lab fusion and an auditable procedure record.")
            .WithExamples("./cartledger demo", "./cartledger test", "./cartledger version");
        Command[] verbs =
        [
            VersionCommand.Create(terminal),
            BenchCommand.Create(terminal),
            AuditCommand.Create(terminal),
            DemoCommand.Create(terminal),
            DicomCommand.Create(terminal),
            Verbs.Phantom.PhantomCommand.Create(terminal),
            Verbs.Register.RegisterCommand.Create(terminal),
            Verbs.Cmr.CmrCommand.Create(terminal),
            Verbs.Import.ImportCommand.Create(terminal),
            Verbs.Worker.WorkerCommand.Create(terminal),
            Verbs.Contours.ContoursCommand.Create(terminal),
            Verbs.Scar.ScarCommand.Create(terminal),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }
        Help.InstallExampleHelp(root);
        return root;
    }
}
