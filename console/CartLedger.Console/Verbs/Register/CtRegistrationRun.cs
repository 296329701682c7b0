using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration;
using CartLedger.Registration.CtModel;
using CartLedger.Registration.Fusion;

namespace CartLedger.Console.Verbs.Register;

/// <summary>
/// `register --ct DIR`: the CT model set registered on its own (CtDrrRegistration: DRRs of the CT volume against one or
/// two X-ray views), written as POSE.json with the CT frame's pose (CT frame to patient LPS, mm).
/// </summary>
public static class CtRegistrationRun
{
    public static void Execute(IReadOnlyList<string> xrayFiles, string ctFolder, Vec3? centreCt, string output, Action<string> say, bool json)
    {
        var clock = Stopwatch.StartNew();
        var xrays = xrayFiles.Select(XrayDicom.Load).ToArray();
        var import = DicomFolderReader.Read(ctFolder);
        var ct = import.Loaded.Where(s => s.Modality == "CT").Select(s => s.Content).OfType<StackContent>().FirstOrDefault()
            ?? throw new RegistrationInputException("--ct", $"{ctFolder}: no CT volume reads from this folder ({import.Rejected.Count()} series rejected: {string.Join("; ", import.Rejected.SelectMany(r => r.Reasons).Select(r => r.ToString()).Take(3))})");
        var g = ct.Volume.Geometry;
        var centre = centreCt ?? g.ToPatient((g.SizeI - 1) / 2.0, (g.SizeJ - 1) / 2.0, (g.SizeK - 1) / 2.0);
        var start = RigidTransform.FromTranslation(xrays[0].Frame.Geometry.IsocenterLps - centre);
        var result = CtDrrRegistration.Register(CtModelVolume.ForFluoroscopy(ct.Volume), [.. xrays.Select(x => x.Frame)], start, centre);
        var text = PoseJson(result, ct.Stack.FrameOfReferenceUid, centre, xrayFiles);
        AtomicFile.WriteAllText(output, text);
        if (json)
        {
            say(text);
            return;
        }
        say(FormattableString.Invariant($"CT model ({result.Algorithm}, {(xrays.Length == 2 ? 6 : 3)} DOF): gradient correlation {result.MetricValue:0.####}, quality {result.QualityScore:0.00}") +
            $"{(result.LikelyFailure ? " (LIKELY FAILURE: check the result)" : "")}, {clock.Elapsed.TotalSeconds:0.0} s -> {output}");
    }

    private static string PoseJson(CtRegistrationResult result, string frameOfReferenceUid, Vec3 centre, IReadOnlyList<string> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("algorithm", result.Algorithm);
            w.WriteString("modelSet", "ct");
            w.WriteString("frameOfReferenceUid", frameOfReferenceUid);
            w.WriteNumber("degreesOfFreedom", result.Views.Count == 2 ? 6 : 3);
            w.WriteStartArray("modelToPatientLps");
            foreach (var v in result.Pose.ToMatrix4x4())
            {
                w.WriteNumberValue(v);
            }
            w.WriteEndArray();
            w.WriteStartArray("centreCtMm");
            w.WriteNumberValue(centre.X);
            w.WriteNumberValue(centre.Y);
            w.WriteNumberValue(centre.Z);
            w.WriteEndArray();
            w.WriteStartArray("views");
            foreach (var view in result.Views)
            {
                w.WriteStartObject();
                w.WriteString("file", Path.GetFileName(files[view.ViewIndex]));
                w.WriteNumber("txMm", view.InPlane.TxMm);
                w.WriteNumber("tyMm", view.InPlane.TyMm);
                w.WriteNumber("rzDeg", view.InPlane.RzDeg);
                w.WriteNumber("gradientCorrelation", view.GradientCorrelation);
                w.WriteNumber("prominence", view.Prominence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("metricValue", result.MetricValue);
            w.WriteNumber("qualityScore", result.QualityScore);
            w.WriteBoolean("likelyFailure", result.LikelyFailure);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"x,y,z" in mm (CT frame).</summary>
    public static Vec3 ParsePoint(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 3 && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? new Vec3(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture))
            : throw new UsageException($"--ct-centre: '{text}' is not x,y,z in mm");
    }
}
