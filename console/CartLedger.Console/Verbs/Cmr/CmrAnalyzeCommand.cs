using System.CommandLine;
using System.Text.Json;
using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.CtStructures;
using CartLedger.Cmr.Export;
using CartLedger.Cmr.Provenance;
using CartLedger.Cmr.Segmentation;
using CartLedger.Console.Cli;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Console.Verbs.Cmr;

/// <summary>
/// `cartledger cmr analyze DICOM_DIR --out DIR`: the whole CMR chain without a ledger, as the worker runs it:
/// segmentation, FWHM scar (with LGE), activation, epicardial mesh, the domain's target rule, then the treatment
/// files for the proposed primary target (DICOM surfaces and SEG, Slicer meshes, bullseyes, strain curves) and
/// analysis.json (every measurement, the proposal, the algorithms with their input/output hashes, warnings).
/// </summary>
public static class CmrAnalyzeCommand
{
    /// <summary>Content date of the treatment files when the images carry no StudyDate (the output never depends on the clock).</summary>
    public static readonly DateTime FallbackDate = new(2000, 1, 1);

    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string?>("dicom-dir") { Description = "Folder with the SAX cine, the LGE (optional) and the CT (for --phrenic-nerve/--cs-ostium), searched recursively.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "Output folder (must not exist or be empty); required." };
        var nerve = new Option<string?>("--phrenic-nerve") { Description = "3D Slicer markups (.mrk.json) curve of the left phrenic nerve traced on the CT in DICOM_DIR." };
        var ostium = new Option<string?>("--cs-ostium") { Description = "3D Slicer markups (.mrk.json) point of the coronary sinus ostium traced on the CT." };
        var labels = new Option<string?>("--labels") { Description = "Folder of label masks for the cine (8-bit PNG per image named SOPInstanceUID.png: 0 background, 1 LV blood pool, 2 myocardium; e.g. `cmr segment` output corrected in another tool): used instead of the automatic segmentation; phases without a mask are propagated." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of lines." };
        var command = new Command("analyze", "Run the whole CMR chain (segment, scar, activation, mesh, targets) and write the treatment files and analysis.json.")
            .WithExamples("./cartledger cmr analyze /tmp/p7/dicom --out /tmp/p7-cmr",
                "./cartledger cmr analyze /tmp/p7/dicom --out /tmp/p7-cmr --phrenic-nerve nerve.mrk.json --cs-ostium ostium.mrk.json --json",
                "./cartledger cmr analyze /tmp/p7/dicom --labels /tmp/p7-labels --out /tmp/p7-from-labels");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(nerve);
        command.Options.Add(ostium);
        command.Options.Add(labels);
        command.Options.Add(json);
        command.SetAction(parse => Run(terminal,
            parse.GetValue(folder) ?? throw new UsageException("cmr analyze needs a DICOM folder (see 'cartledger cmr analyze --help')"),
            CmrOutput.Require(parse.GetValue(output)), parse.GetValue(nerve), parse.GetValue(ostium), parse.GetValue(labels), parse.GetValue(json)));
        return command;
    }

    private static int Run(Terminal terminal, string folder, string output, string? nervePath, string? ostiumPath, string? labelsPath, bool json)
    {
        foreach (var file in new[] { nervePath, ostiumPath }.OfType<string>())
        {
            if (!File.Exists(file))
            {
                throw new CommandFailedException($"{file}: no such file");
            }
        }
        if (labelsPath is not null && !Directory.Exists(labelsPath))
        {
            throw new CommandFailedException($"{labelsPath}: --labels: no such folder");
        }
        CmrOutput.RequireEmpty(output);
        var steps = new CmrSteps(terminal, json, folder);
        var inputs = steps.Run("read DICOM", () => CmrInputs.Read(folder));
        var ct = CtStructures(inputs, nervePath, ostiumPath);
        var p = CmrParameters.Default;
        var cineHash = Hashes.Of(inputs.Cine);
        var segmentation = labelsPath is null
            ? steps.Run("segment LV", () => CmrAnalyzer.Segment(inputs.Cine, cineHash, p))
            : steps.Run("contours from label masks", () => CmrAnalyzer.Imported(FromLabels(inputs.Cine, labelsPath, p), cineHash));
        var scar = inputs.Lge is { } lge ? steps.Run("FWHM scar", () => CmrAnalyzer.ScarOf(lge, Hashes.Of(lge), segmentation, p.Scar, [])) : null;
        var activation = steps.Run("activation", () => CmrAnalyzer.ActivationOf(inputs.Cine, cineHash, segmentation, p.Tracking));
        var analysis = steps.Run("mesh and targets", () => CmrAnalyzer.Complete(segmentation, scar, activation, p.Targets));
        Directory.CreateDirectory(output);
        if (analysis.Proposal.Primary is not { } primary)
        {
            WriteAnalysis(output, analysis, []);
            throw new CommandFailedException($"{folder}: no-target: every 36-segment is excluded ({analysis.Proposal.Explanation.ReplaceLineEndings(" ")}); analysis.json written, no treatment files");
        }
        var request = new TreatmentRequest(analysis, inputs.Cine, inputs.Lge, inputs.Study, primary, [primary], inputs.StudyDateTime ?? FallbackDate, ct, inputs.CtStudy);
        var files = steps.Run("treatment files", () => TreatmentExport.Write(Path.Combine(output, "treatment"), request));
        WriteAnalysis(output, analysis, files);
        var burden = scar?.Value.BurdenPercent;
        var label = CmrAnalyzer.Label(primary);
        if (json)
        {
            terminal.Line(JsonSerializer.Serialize(new
            {
                output = Path.GetFullPath(output),
                slicesWithLv = analysis.Segmentation.Value.SlicesBaseToApex.Count(s => s.HasLv),
                fullSlices = analysis.Segmentation.Value.FullSlices.Count(),
                lgeSlices = scar?.Value.Slices.Count ?? 0,
                scarBurdenPercent = burden is { } b ? Math.Round(b, 2) : (double?)null,
                dyssynchronySdMs = Math.Round(activation.Value.DyssynchronySdMs, 1),
                primaryTarget = primary.ToString(),
                primaryTargetLabel = label,
                proposedSites = analysis.Proposal.Sites.Select(s => s.Segment.ToString()),
                treatmentFiles = files.Count,
                exportedFiles = TreatmentExport.ExportedFiles(files).Select(f => new { kind = f.Kind.ToString(), sopInstanceUid = f.SopInstanceUid, sha256 = f.Sha256 }),
                warnings = inputs.Warnings.Concat(analysis.Warnings),
            }));
        }
        else
        {
            var s = analysis.Segmentation.Value;
            terminal.Line($"LV on {s.SlicesBaseToApex.Count(x => x.HasLv)} of {inputs.Cine.Slices.Count} cine slices ({s.FullSlices.Count()} full); orientation {s.Orientation.Source}");
            terminal.Line(burden is { } b ? $"scar burden {CmrOutput.Number(b)} % on {scar!.Value.Slices.Count} LGE slices" : "no LGE: scar unknown, taken as none");
            terminal.Line($"dyssynchrony (SD of time to peak) {CmrOutput.Number(activation.Value.DyssynchronySdMs, "0")} ms");
            terminal.Line($"primary target {label}; proposed {string.Join(", ", analysis.Proposal.Sites.Select(x => x.Segment.ToString()))}");
            foreach (var warning in inputs.Warnings.Concat(analysis.Warnings))
            {
                terminal.Line($"warning: {warning}");
            }
            terminal.Line($"{files.Count} treatment files ({files.Count(f => f.IsDicom)} DICOM) and analysis.json written to {Path.GetFullPath(output)}");
        }
        return ExitCodes.Success;
    }

    private static CineSegmentation FromLabels(CineStack cine, string folder, CmrParameters p)
    {
        try
        {
            return LabelMaskSegmentation.Segment(cine, LabelMask.ReadFolder(folder), p.Segmentation, p.EndDiastolePhase, folder);
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException($"--labels: {e.Message}");
        }
    }

    private static CtStructureModel? CtStructures(CmrInputs inputs, string? nervePath, string? ostiumPath)
    {
        if (nervePath is null && ostiumPath is null)
        {
            return null;
        }
        if (inputs.Ct is not { } ct)
        {
            throw new CommandFailedException($"{inputs.Folder}: --phrenic-nerve/--cs-ostium were traced on a CT, but the folder has no CT series (its frame of reference is needed)");
        }
        try
        {
            var geometry = ct.Volume.Geometry;
            var nerve = nervePath is null ? [] : SlicerMarkups.ReadCurve(File.ReadAllText(nervePath), nervePath, geometry);
            var ostium = ostiumPath is null ? (Imaging.Geometry.Vec3?)null : SlicerMarkups.ReadPoint(File.ReadAllText(ostiumPath), ostiumPath, geometry);
            return new CtStructureModel(ct.Stack.FrameOfReferenceUid, nerve, ostium);
        }
        catch (MarkupsRejectedException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    private static void WriteAnalysis(string output, CmrAnalysis analysis, IReadOnlyList<TreatmentFile> files)
    {
        static object Algorithm(AlgorithmInfo a) => new
        {
            name = a.Name,
            version = a.Version,
            parameters = a.Parameters.ToDictionary(x => x.Name, x => x.Value),
            inputSha256 = a.InputSha256,
            outputSha256 = a.OutputSha256,
        };
        var document = new
        {
            algorithms = new[] { analysis.Segmentation.Algorithm, analysis.Scar?.Algorithm, analysis.Activation.Algorithm, analysis.Mesh.Algorithm }.OfType<AlgorithmInfo>().Select(Algorithm),
            endDiastolePhase = analysis.Segmentation.Value.EndDiastolePhase,
            endSystolePhase = analysis.Segmentation.Value.EndSystolePhase,
            orientationSource = analysis.Segmentation.Value.Orientation.Source,
            scarBurdenPercent = analysis.Scar is { } s ? Math.Round(s.Value.BurdenPercent, 3) : (double?)null,
            dyssynchronySdMs = Math.Round(analysis.Activation.Value.DyssynchronySdMs, 2),
            maximumDelayMs = Math.Round(analysis.Activation.Value.MaximumDelayMs, 2),
            segments = analysis.Measurements.Select(m => new
            {
                segment = m.Segment.Number,
                name = SegmentModels.Describe(m.Segment).Name,
                scarTransmuralityPercent = Math.Round(m.ScarTransmuralityPercent, 2),
                timeToPeakMs = m.TimeToPeakMs is { } t ? Math.Round(t, 1) : (double?)null,
                peakShorteningPercent = m.PeakStrainAmplitudePercent is { } a ? Math.Round(a, 2) : (double?)null,
            }),
            proposal = new
            {
                primary = analysis.Proposal.Primary?.ToString(),
                sites = analysis.Proposal.Sites.Select(x => new { segment = x.Segment.ToString(), timeToPeakMs = Math.Round(x.TimeToPeakMs, 1) }),
                exclusions = analysis.Proposal.Exclusions.Select(x => new { segment = x.Segment.ToString(), reasons = x.Reasons.Select(r => r.ToString()) }),
                explanation = analysis.Proposal.Explanation,
            },
            treatmentFiles = files.Select(f => new
            {
                role = f.Role.ToString(),
                kind = f.Kind?.ToString(),
                sopInstanceUid = f.SopInstanceUid,
                sha256 = f.Sha256,
                path = Path.GetRelativePath(Path.GetFullPath(output), f.Path),
            }),
            warnings = analysis.Warnings,
        };
        Imaging.Files.AtomicFile.WriteAllText(Path.Combine(output, "analysis.json"), JsonSerializer.Serialize(document, CmrOutput.Json));
    }
}
