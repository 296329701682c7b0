using System.CommandLine;
using CartLedger.Console.Cli;
using CartLedger.Registration;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Register;

/// <summary>
/// `cartledger register`: registers any surface mesh to one or two X-ray DICOM files with C-arm geometry, by intensity
/// (a similarity metric) or by landmarks picked in two views, and writes POSE.json (and optionally an overlay).
/// </summary>
public static class RegisterCommand
{
    public static Command Create(Terminal terminal)
    {
        var xray = new Option<string[]>("--xray") { Description = "X-ray DICOM (XA/RF with positioner geometry); give it twice for two views.", AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model") { Description = "Surface mesh (.vtk, .stl, .obj) in model coordinates, mm; point scalars 'scar' and 'target' are drawn on the overlay, 'visibility' (0..1) weights the outline." };
        var init = new Option<string?>("--init") { Description = "Start pose: a POSE.json (its modelToPatientLps). Default: the mesh centre at the first view's isocentre." };
        var method = new Option<string>("--method") { Description = "Similarity: gc, gi, go, gc+, gi+, go+, ncc (or bc).", DefaultValueFactory = _ => RegistrationRun.DefaultMethod.ShortName() };
        var dof = new Option<int?>("--dof") { Description = "3 (in-plane, first view) or 6 (both views). Default: 3 for one view, 6 for two." };
        var landmarks = new Option<string?>("--landmarks") { Description = "L.json with model landmarks and their picks in the views: solve the pose from them (add --method to refine by intensity)." };
        var output = new Option<string?>("--out") { Description = "POSE.json to write; required." };
        var overlay = new Option<string?>("--overlay") { Description = "Overlay picture: .png or .dcm (RGB Secondary Capture); a second view gets NAME.view2.EXT." };
        var json = new Option<bool>("--json") { Description = "Print POSE.json to standard output as well." };
        var ct = new Option<string?>("--ct") { Description = "Register the CT model set instead of a mesh: a CT DICOM folder, its DRRs against the views; the pose is the CT frame's (no --model)." };
        var ctCentre = new Option<string?>("--ct-centre") { Description = "With --ct: the CT model's centre x,y,z (mm, CT frame; e.g. the CS ostium). Default: the volume's centre." };
        var command = new Command("register", "Register a surface mesh to one or two X-ray views (intensity or landmarks) and write the pose, model to patient LPS mm.")
        {
            xray, model, init, method, dof, landmarks, output, overlay, json, ct, ctCentre,
        }.WithExamples(
            "./cartledger register --xray /tmp/p1/dicom/xa-1/IM00001.dcm --model lv.vtk --method gi --out pose.json --overlay overlay.png",
            "./cartledger register --xray lao.dcm --xray rao.dcm --model lv.vtk --dof 6 --init start.json --out pose.json",
            "./cartledger register --xray lao.dcm --xray rao.dcm --model lv.vtk --landmarks picks.json --out pose.json --overlay fused.dcm",
            "./cartledger register --xray /tmp/p3/dicom/xa-1/IM00001.dcm --xray /tmp/p3/dicom/xa-2/IM00001.dcm --ct /tmp/p3/dicom/ct --ct-centre 20,-30,15 --out ct-pose.json");
        command.SetAction(parse =>
        {
            if (parse.GetValue(ct) is { Length: > 0 } ctFolder)
            {
                var views = parse.GetValue(xray) is { Length: > 0 } xrays ? xrays : throw new UsageException("--xray: at least one X-ray DICOM is required");
                var centre = parse.GetValue(ctCentre) is { Length: > 0 } c ? CtRegistrationRun.ParsePoint(c) : (Imaging.Geometry.Vec3?)null;
                var ctOut = parse.GetValue(output) is { Length: > 0 } path ? path : throw new UsageException("--out: a POSE.json path is required");
                try
                {
                    CtRegistrationRun.Execute(views, ctFolder, centre, ctOut, line => terminal.Line(line), parse.GetValue(json));
                }
                catch (RegistrationInputException e)
                {
                    throw new CommandFailedException(e.Message);
                }
                return ExitCodes.Success;
            }
            var request = new RegistrationRequest(
                parse.GetValue(xray) is { Length: > 0 } files ? files : throw new UsageException("--xray: at least one X-ray DICOM is required"),
                parse.GetValue(model) is { Length: > 0 } mesh ? mesh : throw new UsageException("--model: a surface mesh is required"),
                parse.GetValue(init),
                ParseMethod(parse.GetValue(method)!),
                parse.GetResult(method) is { Implicit: false },
                parse.GetValue(dof),
                parse.GetValue(landmarks),
                parse.GetValue(output) is { Length: > 0 } o ? o : throw new UsageException("--out: a POSE.json path is required"),
                parse.GetValue(overlay));
            request.Validate();
            PoseFile pose;
            try
            {
                pose = RegistrationRun.Execute(request, line => terminal.Line(line), parse.GetValue(json));
            }
            catch (RegistrationInputException e)
            {
                throw new CommandFailedException(e.Message);
            }
            if (parse.GetValue(json))
            {
                terminal.Line(pose.ToJson());
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static SimilarityMethod ParseMethod(string text) =>
        SimilarityMethods.TryParse(text, out var m) ? m : throw new UsageException($"--method: '{text}' is not one of gc, gi, go, gc+, gi+, go+, ncc, bc");
}
